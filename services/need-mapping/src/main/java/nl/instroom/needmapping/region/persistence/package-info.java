/**
 * Where the register lives: regions and municipalities in MongoDB, and the reference tables it is loaded with and
 * postcodes are resolved by (CBS's region table, GeoNames' PC4 table), read from the classpath.
 */
package nl.instroom.needmapping.region.persistence;
