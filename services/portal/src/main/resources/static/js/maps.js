/*
 * The portal's interactive maps (Leaflet, served by the portal from its WebJar). Each map container holds the
 * page's figures as a JSON data island and the server-drawn SVG map as the fallback: the SVG is hidden only once
 * the boundaries have arrived and the map is drawn, so a browser without script, or a failed fetch, keeps it.
 * No tile layer: CBS's boundaries on a plain background are the whole picture, and nothing leaves the portal.
 * Texts come from the page (data-label-* attributes), so the map speaks the page's language; data from the
 * services is only ever set as text, never as HTML.
 */
(function () {
  'use strict';

  if (!window.L || !window.fetch) {
    return;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  /** A Leaflet map in a new element before the fallback; the fallback stays until draw() says it is done. */
  function mapIn(container) {
    var canvas = element('div', 'leaflet-map');
    canvas.setAttribute('role', 'region');
    canvas.setAttribute('aria-label', container.dataset.label || '');
    container.insertBefore(canvas, container.querySelector('.map-fallback'));
    // no fading: without tiles there is nothing to blend, and a popup is readable at once
    var map = L.map(canvas, {zoomSnap: 0.25, maxBoundsViscosity: 0.8, fadeAnimation: false});
    map.attributionControl.setPrefix('Leaflet');
    return map;
  }

  /** Fits the view to the bounds, and keeps the reader near them: there is nothing to see beyond. */
  function frame(map, bounds) {
    map.fitBounds(bounds, {padding: [10, 10]});
    map.setMaxBounds(bounds.pad(0.5));
    map.setMinZoom(Math.max(0, map.getZoom() - 1));
  }

  /** Enter or space opens what a click opens, for shapes made focusable by hand (Leaflet does it for markers). */
  function focusable(layer, label, open) {
    var path = layer.getElement();
    path.setAttribute('tabindex', '0');
    path.setAttribute('role', 'button');
    path.setAttribute('aria-label', label);
    path.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        open();
      }
    });
  }

  function schoolPopup(school, labels, href) {
    var popup = element('div', 'map-popup');
    var heading = element('p', 'map-popup-title');
    var link = element('a', null, school.name);
    link.href = href;
    heading.appendChild(link);
    popup.appendChild(heading);
    popup.appendChild(element('p', null, school.place));
    popup.appendChild(element('p', 'map-popup-index', labels.index + ': ' + school.indexText));
    popup.appendChild(element('p', 'map-popup-why-title', labels.why));
    if (school.why.length === 0) {
      popup.appendChild(element('p', 'map-popup-why', labels.noNeed));
    } else {
      var list = element('ul', 'map-popup-why');
      school.why.forEach(function (component) {
        list.appendChild(element('li', null, component.explanation + ' (' + component.contribution + ')'));
      });
      popup.appendChild(list);
    }
    return popup;
  }

  function drawRegion(container, map, boundaries, schools) {
    var labels = {
      index: container.dataset.labelIndex,
      why: container.dataset.labelWhy,
      noNeed: container.dataset.labelNoNeed
    };
    var attribution = container.dataset.attribution;
    L.geoJSON(boundaries, {
      filter: function (feature) { return feature.properties.kind === 'municipality'; },
      style: {className: 'municipality'},
      attribution: attribution,
      onEachFeature: function (feature, layer) {
        layer.bindTooltip(feature.properties.statnaam, {sticky: true});
      }
    }).addTo(map);
    var outline = L.geoJSON(boundaries, {
      filter: function (feature) { return feature.properties.kind === 'region'; },
      style: {className: 'region-outline', fill: false},
      interactive: false
    }).addTo(map);
    frame(map, outline.getBounds());
    // the neediest first, so Tab reaches them first; and on top, so a small school never hides a needy one
    schools.slice().sort(function (a, b) { return b.index - a.index; }).forEach(function (school) {
      var size = Math.round(school.radius * 2);
      var marker = L.marker([school.lat, school.lon], {
        icon: L.divIcon({className: 'school-marker ' + school.band, iconSize: [size, size]}),
        zIndexOffset: Math.round(school.index * 1000),
        riseOnHover: true
      });
      var href = container.dataset.schoolHref.replace('CODE', encodeURIComponent(school.code));
      marker.bindTooltip(school.name + ': ' + school.indexText, {direction: 'top', offset: [0, -size / 2]});
      marker.bindPopup(schoolPopup(school, labels, href));
      marker.addTo(map);
      var icon = marker.getElement();
      icon.setAttribute('aria-label', school.name + ', ' + labels.index + ' ' + school.indexText);
      icon.dataset.code = school.code;
    });
  }

  function drawNational(container, map, boundaries, regions) {
    var layer = L.geoJSON(boundaries, {
      attribution: container.dataset.attribution,
      style: function (feature) {
        var region = regions[feature.properties.statcode] || {band: 'none'};
        return {className: 'region-area ' + region.band + (region.yours ? ' yours' : '')};
      },
      onEachFeature: function (feature, area) {
        var code = feature.properties.statcode;
        var region = regions[code] || {title: feature.properties.statnaam, rank: 0};
        var popup = element('div', 'map-popup');
        popup.appendChild(element('p', 'map-popup-title', region.title));
        if (region.rank > 0) {
          popup.appendChild(element('p', null, container.dataset.labelRank + ': ' + region.rank));
        }
        var link = element('a', null, container.dataset.labelTable);
        link.href = '#region-' + code;
        popup.appendChild(element('p')).appendChild(link);
        area.bindTooltip(region.title, {sticky: true});
        area.bindPopup(popup);
        area.on('add', function () {
          focusable(area, region.title, function () { area.openPopup(); });
          area.getElement().dataset.code = code;
        });
      }
    }).addTo(map);
    frame(map, layer.getBounds());
    // the reader's own region on top, so its thick border is never covered by a neighbour's
    layer.eachLayer(function (area) {
      if (regions[area.feature.properties.statcode] && regions[area.feature.properties.statcode].yours) {
        area.bringToFront();
      }
    });
  }

  function start(container) {
    var url = container.dataset.boundaries;
    var island = container.querySelector('script.map-data');
    if (!url || !island) {
      return;
    }
    var figures = JSON.parse(island.textContent);
    fetch(url, {credentials: 'same-origin', headers: {Accept: 'application/geo+json'}})
      .then(function (response) {
        if (!response.ok) {
          throw new Error('boundaries: ' + response.status);
        }
        return response.json();
      })
      .then(function (boundaries) {
        var map = mapIn(container);
        if (container.dataset.map === 'region') {
          drawRegion(container, map, boundaries, figures);
        } else {
          drawNational(container, map, boundaries, figures);
        }
        container.querySelector('.map-fallback').hidden = true;
        var help = document.getElementById('map-help');
        if (help) {
          help.hidden = false;
        }
        container.dataset.ready = 'true';
      })
      .catch(function (problem) {
        // the SVG map stays: worse than the interactive one, but it shows the same schools
        var canvas = container.querySelector('.leaflet-map');
        if (canvas) {
          canvas.remove();
        }
        container.dataset.ready = 'failed';
        if (window.console) {
          window.console.warn('Interactive map not shown, the SVG map stays', problem);
        }
      });
  }

  document.querySelectorAll('[data-map]').forEach(start);
}());
