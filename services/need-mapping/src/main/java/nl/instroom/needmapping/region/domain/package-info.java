/**
 * The register of labour-market regions: which region (a CBS code such as {@code AM36}) each municipality (a CBS
 * code such as {@code GM0193}) belongs to, and from which day; and which municipality a postcode area lies in. The
 * register is data, loaded from CBS's table and changed by admins: no region or municipality is named in code.
 * Plain Java.
 */
package nl.instroom.needmapping.region.domain;
