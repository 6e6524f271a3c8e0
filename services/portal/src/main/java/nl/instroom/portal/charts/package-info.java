/**
 * Charts drawn as SVG on the server from the services' numbers: the region map (schools placed by their own
 * coordinates, no tile server), line charts of a trend over time, and bar charts. Plain Java, so a unit test checks
 * the geometry; the templates only draw the shapes.
 */
package nl.instroom.portal.charts;
