/**
 * The need index: where in a region staff are needed most, and why. A documented, explainable formula (see
 * {@link nl.instroom.needmapping.need.domain.NeedIndexFormula}); every score comes with its components and their
 * weights. Plain Java.
 */
package nl.instroom.needmapping.need.domain;
