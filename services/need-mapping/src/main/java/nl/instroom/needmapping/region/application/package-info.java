/**
 * Use cases of the region register: loading it from CBS's table, reading it, an admin adding or renaming a region
 * and moving a municipality to another region from a day on, and placing a school (by its municipality code, or
 * its postcode) in its municipality and region.
 */
package nl.instroom.needmapping.region.application;
