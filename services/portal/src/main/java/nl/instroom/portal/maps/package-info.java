/**
 * The interactive maps' data: CBS's boundaries of the labour-market regions and municipalities served as GeoJSON by
 * the portal itself (no tile server, no CDN), and the figures a page hands its map as a JSON data island. The pages
 * draw the same figures as server-side SVG and a list or table, which stay when the browser runs no script.
 */
package nl.instroom.portal.maps;
