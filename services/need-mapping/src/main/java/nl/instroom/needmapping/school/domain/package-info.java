/** The school location aggregate (a vestiging): public facts from DUO, kept current by re-imports. Plain Java. */
package nl.instroom.needmapping.school.domain;
