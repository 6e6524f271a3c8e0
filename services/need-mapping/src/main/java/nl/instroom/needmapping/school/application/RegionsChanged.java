package nl.instroom.needmapping.school.application;

/**
 * What the school capability tells when schools joined or left regions (an import, the region register's moves): a
 * port the need implements (it scores those regions' schools again). Schools know no need code, so the need, which
 * reads schools, and school form no cycle.
 */
public interface RegionsChanged {

    /** The schools of this region changed (some joined, some left, or their facts): the region is looked at again. */
    void regionChanged(String region);
}
