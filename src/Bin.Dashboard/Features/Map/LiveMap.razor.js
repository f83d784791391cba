// The live map's browser side: one Leaflet map per element. Blazor owns the state; this module draws it.
// Optional: a picked-point pin, "use my location", and a drawing mode (Leaflet.draw, loaded on first use) in which
// an administrator draws a new network polygon or edits one, or an officer draws a route (a line); every change of the
// shape goes back to Blazor. Incident markers at one place cluster (Leaflet.markercluster); such a cluster opens as a
// list of its incidents. Markers and clusters are buttons: Tab reaches them, Enter opens them.
const maps = new WeakMap();
// Each marker's element with the text it was parsed from and the marker it gave.
const parsedMarkers = new WeakMap();
const drawStyle = { color: '#b8860b', weight: 3, dashArray: null, fillColor: '#f2c200', fillOpacity: 0.25 };
const routeStyle = { color: '#c0392b', weight: 5, dashArray: '10 6', opacity: 0.9 };
let drawLibrary = null;

const transparentTile = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';

export function init(element, options, dotnet) {
  // markercluster needs a maximum zoom; 19 is the deepest the usual tile servers offer.
  const map = L.map(element, { zoomControl: true, preferCanvas: false, maxZoom: 19 })
    .setView([options.centreLatitude, options.centreLongitude], options.zoom);
  // The networks' names (and their badges) lie under the incidents' pins, not over them: Leaflet draws tooltips above
  // markers, and a name at a network's middle hid the pin of a report there.
  map.createPane('networkLabels');
  if (options.tileUrl) {
    // Offline or blocked tiles fail quietly: the plain background and the vector layers stay.
    L.tileLayer(options.tileUrl, { maxZoom: 19, attribution: options.tileAttribution, errorTileUrl: transparentTile }).addTo(map);
  }
  const state = {
    map, dotnet, options,
    networks: L.layerGroup().addTo(map),
    incidents: incidentLayer(options).addTo(map),
    networkLayers: new Map(),
    incidentLayers: new Map(),
    highlights: { incident: null, activeNetworks: [], selectedNetworks: [] },
    badges: {},
    pulsing: new Set(),
    legend: null,
    fitted: false,
    pin: null,
    drawn: null,
    drawer: null,
    edited: null,
    hidden: null,
    observer: null,
    markerObserver: null,
    // Markers wait for the first update, which brings the networks and with them the map's first view: drawn before it,
    // they were clustered at the starting zoom and gathered anew when the view moved, under a pointer already on them.
    incidentsShown: false,
  };
  map.on('click', e => dotnet.invokeMethodAsync('MapClicked', e.latlng.lat, e.latlng.lng));
  if (L.MarkerClusterGroup && state.incidents instanceof L.MarkerClusterGroup) state.incidents.on('clusterclick clusterkeypress', e => openCluster(state, e));
  maps.set(element, state);
  // The incidents and the badges come with the render that changes them (an element per marker beside the map, and the
  // map's data-badges), not in a call of their own after it: one message to the browser per live update instead of two,
  // in every open map; and of the markers only those that came, changed or went.
  state.observer = new MutationObserver(records => {
    const changed = new Set(records.map(r => r.attributeName));
    if (changed.has('data-badges')) showBadgesOf(element);
  });
  state.observer.observe(element, { attributes: true, attributeFilter: ['data-badges'] });
  const markers = markersOf(element);
  if (markers) {
    state.markerObserver = new MutationObserver(() => showIncidentsOf(element));
    state.markerObserver.observe(markers, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-marker'] });
  }
  showIncidentsOf(element);
  showBadgesOf(element);
}

function markersOf(element) {
  const next = element.nextElementSibling;
  return next && next.classList.contains('live-map-markers') ? next : null;
}

function showIncidentsOf(element) {
  const markers = markersOf(element);
  if (!markers || !maps.get(element)?.incidentsShown) return;
  // Parsed once per element and text: a live update parses the markers that came or changed.
  const incidents = [];
  for (const node of markers.children) {
    const json = node.getAttribute('data-marker');
    let parsed = parsedMarkers.get(node);
    if (!parsed || parsed.json !== json) parsedMarkers.set(node, parsed = { json, incident: JSON.parse(json) });
    incidents.push(parsed.incident);
  }
  setIncidents(element, incidents);
}

function showBadgesOf(element) {
  const json = element.getAttribute('data-badges');
  const badges = json ? JSON.parse(json) : {};
  setBadges(element, badges.texts, badges.details);
}

// Clusters only gather markers that overlap (a small radius): separate incidents stay separate pins. The library's own
// click handling (zoom, spiderfy) is off: a cluster of one place cannot be zoomed apart, so it opens as a list.
function incidentLayer(options) {
  if (!L.markerClusterGroup) return L.layerGroup();
  return L.markerClusterGroup({
    maxClusterRadius: 20,
    showCoverageOnHover: false,
    zoomToBoundsOnClick: false,
    spiderfyOnMaxZoom: false,
    iconCreateFunction: cluster => {
      const count = cluster.getChildCount();
      const label = escapeHtml(format(options.clusterTitle || '{0}', count));
      return L.divIcon({
        html: `<span class="cluster-count" aria-hidden="true">${count}</span><span class="sr-only">${label}</span>`,
        className: 'incident-cluster', iconSize: [36, 36], iconAnchor: [18, 18],
      });
    },
  });
}

function openCluster(state, e) {
  const key = e.originalEvent && e.originalEvent.key;
  if (e.type === 'clusterkeypress' && key !== 'Enter') return;
  if (e.originalEvent) L.DomEvent.stop(e.originalEvent);
  const cluster = e.layer;
  const bounds = cluster.getBounds();
  // Apart by more than a few metres and still room to zoom: zooming in separates them.
  if (state.map.distance(bounds.getSouthWest(), bounds.getNorthEast()) > 15 && state.map.getZoom() < state.map.getMaxZoom()) {
    cluster.zoomToBounds({ padding: [40, 40] });
    return;
  }
  const list = L.DomUtil.create('div', 'cluster-list');
  const markers = cluster.getAllChildMarkers();
  const title = L.DomUtil.create('strong', '', list);
  title.textContent = format(state.options.clusterTitle || '{0}', markers.length);
  const items = L.DomUtil.create('ul', '', list);
  for (const marker of markers) {
    const incident = marker.options.incident;
    const button = L.DomUtil.create('button', 'cluster-item', L.DomUtil.create('li', '', items));
    button.type = 'button';
    button.dataset.incident = incident.id;
    button.textContent = incident.label;
    L.DomEvent.on(button, 'click', ev => {
      L.DomEvent.stop(ev);
      state.map.closePopup();
      state.dotnet.invokeMethodAsync('IncidentClicked', incident.id);
    });
  }
  L.DomEvent.disableClickPropagation(list);
  L.popup({ maxWidth: 320, className: 'cluster-popup' }).setLatLng(cluster.getLatLng()).setContent(list).openOn(state.map);
  const first = list.querySelector('button');
  if (first) first.focus();
}

function format(text, value) {
  return String(text).replace('{0}', value);
}

// What changed since the last render, in one call (one message each way per render); each part as its own setter takes it.
// Incidents and badges are not among them: they come in the render itself (the markers' elements and data-badges, see init).
export async function update(element, changes) {
  if ('networks' in changes) setNetworks(element, changes.networks);
  const state = maps.get(element);
  if (state && !state.incidentsShown) {
    state.incidentsShown = true;
    showIncidentsOf(element);
  }
  if ('pulses' in changes) setPulses(element, changes.pulses);
  if ('highlights' in changes) setHighlights(element, changes.highlights);
  if ('pin' in changes) setPin(element, changes.pin);
  if ('drawing' in changes) await setDrawing(element, changes.drawing);
}

function setNetworks(element, networks) {
  const state = maps.get(element);
  if (!state) return;
  state.networks.clearLayers();
  state.networkLayers.clear();
  for (const n of networks) {
    const polygon = L.polygon(n.rings, { color: n.colour, weight: 2, fillOpacity: 0.12, className: 'network-polygon' });
    // Just above the network's middle, where a report at that middle draws its pin (or a cluster its disc): the name
    // and its badge stay readable over the pin instead of under it.
    polygon.bindTooltip(escapeHtml(n.name), { permanent: true, direction: 'top', offset: [0, -14], className: 'network-label', pane: 'networkLabels' });
    polygon.on('click', e => {
      L.DomEvent.stopPropagation(e);
      state.dotnet.invokeMethodAsync('NetworkClicked', n.id);
      state.dotnet.invokeMethodAsync('MapClicked', e.latlng.lat, e.latlng.lng);
    });
    polygon.addTo(state.networks);
    state.networkLayers.set(n.id, { polygon, network: n });
  }
  drawLegend(state, networks);
  styleNetworks(state);
  labelNetworks(state);
  if (!state.fitted && networks.length > 0) {
    // A page about one network opens on it; otherwise on all of them.
    const focus = state.options.focusNetworkId && state.networkLayers.get(state.options.focusNetworkId);
    const bounds = focus ? focus.polygon.getBounds() : L.featureGroup([...state.networkLayers.values()].map(v => v.polygon)).getBounds();
    // At once, not animated: markers and clusters are drawn for the view they will stay in.
    state.map.fitBounds(bounds, { padding: [24, 24], maxZoom: 16, animate: false });
    state.fitted = true;
  }
}

function setIncidents(element, incidents) {
  const state = maps.get(element);
  if (!state) return;
  const seen = new Set();
  for (const i of incidents) {
    seen.add(i.id);
    const existing = state.incidentLayers.get(i.id);
    if (existing) {
      // Only what changed: moving a clustered marker, even to where it was, makes the cluster layer take it out and put
      // it back, which replaces the cluster under a dispatcher's pointer at every live update.
      const was = existing.incident;
      if (was.latitude !== i.latitude || was.longitude !== i.longitude) existing.marker.setLatLng([i.latitude, i.longitude]);
      if (was.status !== i.status || was.colour !== i.colour || was.glyph !== i.glyph || was.label !== i.label) {
        existing.marker.setIcon(incidentIcon(i, state.highlights.incident === i.id));
      }
      existing.incident = i;
      existing.marker.options.incident = i;
      continue;
    }
    const marker = L.marker([i.latitude, i.longitude], { icon: incidentIcon(i, state.highlights.incident === i.id), title: i.label, riseOnHover: true, keyboard: true, incident: i });
    marker.on('click', e => { L.DomEvent.stopPropagation(e); state.dotnet.invokeMethodAsync('IncidentClicked', i.id); });
    // Leaflet makes a marker focusable but fires only "keypress" on it: Enter opens the incident, as a click does.
    marker.on('keypress', e => {
      if (e.originalEvent.key !== 'Enter') return;
      L.DomEvent.stop(e.originalEvent);
      state.dotnet.invokeMethodAsync('IncidentClicked', i.id);
    });
    marker.addTo(state.incidents);
    state.incidentLayers.set(i.id, { marker, incident: i });
  }
  for (const [id, entry] of state.incidentLayers) {
    if (!seen.has(id)) { state.incidents.removeLayer(entry.marker); state.incidentLayers.delete(id); }
  }
}

function setHighlights(element, highlights) {
  const state = maps.get(element);
  if (!state) return;
  const previous = state.highlights.incident;
  state.highlights = highlights;
  styleNetworks(state);
  for (const id of [previous, highlights.incident]) {
    const entry = id && state.incidentLayers.get(id);
    if (entry) entry.marker.setIcon(incidentIcon(entry.incident, highlights.incident === id));
  }
  const selected = highlights.incident && state.incidentLayers.get(highlights.incident);
  if (selected && previous !== highlights.incident) state.map.panTo(selected.marker.getLatLng());
}

function setBadges(element, badges, details) {
  const state = maps.get(element);
  if (!state) return;
  state.badges = badges || {};
  state.badgeDetails = details || {};
  labelNetworks(state);
}

// A pin on a picked point (null removes it).
function setPin(element, point) {
  const state = maps.get(element);
  if (!state) return;
  if (state.pin) { state.pin.remove(); state.pin = null; }
  if (!point) return;
  state.pin = L.circleMarker([point.latitude, point.longitude], { radius: 9, color: '#14263b', weight: 3, fillColor: '#f2c200', fillOpacity: 1, className: 'map-pin' })
    .addTo(state.map);
  if (!state.map.getBounds().contains(state.pin.getLatLng())) state.map.panTo(state.pin.getLatLng());
}

// The browser's position, handed to Blazor like a click on the map; a refusal or failure is reported with its message.
export function locate(element) {
  const state = maps.get(element);
  if (!state) return;
  state.map.once('locationfound', e => {
    state.map.setView(e.latlng, Math.max(state.map.getZoom(), 15));
    state.dotnet.invokeMethodAsync('MapClicked', e.latlng.lat, e.latlng.lng);
  });
  state.map.once('locationerror', e => state.dotnet.invokeMethodAsync('LocateFailed', e.message || 'unavailable'));
  state.map.locate({ setView: false, enableHighAccuracy: true, timeout: 15000 });
}

// Drawing mode: null ends it; { editNetworkId: null } draws a new polygon; { editNetworkId } edits that network's outline;
// { line: true } draws a route.
async function setDrawing(element, drawing) {
  const state = maps.get(element);
  if (!state) return;
  stopDrawing(state);
  if (!drawing) return;
  await loadDraw(state.options.drawTexts);
  if (maps.get(element) !== state) return;
  state.drawn = L.featureGroup().addTo(state.map);
  state.onCreated = e => {
    state.drawn.clearLayers();
    edit(state, e.layer, drawing.line);
  };
  state.map.on(L.Draw.Event.CREATED, state.onCreated);
  const existing = drawing.editNetworkId && state.networkLayers.get(drawing.editNetworkId);
  if (existing) {
    // Edit a copy of the outline (without the repeated closing point); the original fades meanwhile.
    state.hidden = existing.polygon;
    state.hidden.setStyle({ opacity: 0.2, fillOpacity: 0.03 });
    edit(state, L.polygon(existing.network.rings[0].slice(0, -1)));
    state.map.fitBounds(state.edited.getBounds(), { padding: [40, 40], maxZoom: 17 });
  } else if (drawing.line) {
    // A road may cross itself; no length readout (distances are the server's business).
    state.drawer = new L.Draw.Polyline(state.map, { allowIntersection: true, showLength: false, shapeOptions: routeStyle });
    state.drawer.enable();
  } else {
    state.drawer = new L.Draw.Polygon(state.map, { allowIntersection: false, showArea: false, shapeOptions: drawStyle });
    state.drawer.enable();
  }
}

// Closes the polygon being drawn (the same as clicking its first point), once it has three points; ends a route once
// it has two. A route of one click is a picked point: it goes to Blazor as a single position.
export function finishDrawing(element) {
  const state = maps.get(element);
  if (!state || !state.drawer || !state.drawer.enabled() || !state.drawer._markers) return;
  const markers = state.drawer._markers;
  if (!(state.drawer instanceof L.Draw.Polygon) && markers.length === 1) {
    const p = markers[0].getLatLng();
    state.dotnet.invokeMethodAsync('ShapeDrawn', [[p.lat, p.lng]]);
    return;
  }
  const needed = state.drawer instanceof L.Draw.Polygon ? 3 : 2;
  if (markers.length >= needed) state.drawer.completeShape();
}

function edit(state, layer, line) {
  layer.setStyle(line ? routeStyle : drawStyle);
  layer.addTo(state.drawn);
  const path = layer.getElement && layer.getElement();
  if (path) path.classList.add(line ? 'drawn-route' : 'drawn-polygon');
  layer.editing.enable();
  layer.on('edit', () => sendShape(state, layer));
  state.edited = layer;
  sendShape(state, layer);
}

function sendShape(state, layer) {
  // A polygon's points are nested per ring; a line's are not.
  const latLngs = layer.getLatLngs();
  const points = (Array.isArray(latLngs[0]) ? latLngs[0] : latLngs).map(p => [p.lat, p.lng]);
  state.dotnet.invokeMethodAsync('ShapeDrawn', points);
}

function stopDrawing(state) {
  if (state.drawer) { state.drawer.disable(); state.drawer = null; }
  if (state.onCreated) { state.map.off(L.Draw.Event.CREATED, state.onCreated); state.onCreated = null; }
  if (state.edited) { state.edited.editing.disable(); state.edited = null; }
  if (state.drawn) { state.drawn.remove(); state.drawn = null; }
  if (state.hidden) { state.hidden = null; styleNetworks(state); }
}

// Leaflet.draw is only needed by administrators: its script and style load the first time a drawing starts.
function loadDraw(texts) {
  if (!drawLibrary) {
    drawLibrary = new Promise((resolve, reject) => {
      if (window.L && L.Draw) { resolve(); return; }
      const css = document.createElement('link');
      css.rel = 'stylesheet';
      css.href = '_content/Bin.ClientLibs/lib/leaflet-draw/leaflet.draw.css';
      document.head.appendChild(css);
      const script = document.createElement('script');
      script.src = '_content/Bin.ClientLibs/lib/leaflet-draw/leaflet.draw.js';
      script.onload = resolve;
      script.onerror = () => { drawLibrary = null; reject(new Error('leaflet.draw.js could not be loaded')); };
      document.head.appendChild(script);
    }).then(() => {
      if (!texts) return;
      const polygon = L.drawLocal.draw.handlers.polygon.tooltip;
      polygon.start = texts.start; polygon.cont = texts.cont; polygon.end = texts.end;
      L.drawLocal.draw.handlers.polyline.error = texts.crossing;
      if (texts.routeStart) {
        const line = L.drawLocal.draw.handlers.polyline.tooltip;
        line.start = texts.routeStart; line.cont = texts.routeCont; line.end = texts.routeEnd;
      }
    });
  }
  return drawLibrary;
}

function setPulses(element, ids) {
  const state = maps.get(element);
  if (!state) return;
  state.pulsing = new Set(ids || []);
  styleNetworks(state);
}

export function dispose(element) {
  const state = maps.get(element);
  if (state) { state.observer.disconnect(); state.markerObserver?.disconnect(); stopDrawing(state); state.map.remove(); maps.delete(element); }
}

function styleNetworks(state) {
  const active = new Set(state.highlights.activeNetworks);
  const selected = new Set(state.highlights.selectedNetworks);
  for (const [id, { polygon, network }] of state.networkLayers) {
    polygon.setStyle({
      color: network.colour,
      weight: selected.has(id) ? 5 : active.has(id) ? 3 : 2,
      // Being founded: dotted; indicative boundary: dashed.
      dashArray: selected.has(id) ? null : network.founding ? '2 5' : network.indicative ? '6 4' : null,
      fillOpacity: selected.has(id) ? 0.35 : active.has(id) ? 0.25 : network.founding ? 0.05 : 0.12,
    });
    const el = polygon.getElement();
    if (el) {
      el.classList.toggle('network-active', active.has(id));
      el.classList.toggle('network-selected', selected.has(id));
      el.classList.toggle('network-pulse', state.pulsing.has(id));
      el.setAttribute('data-network', id);
      el.classList.toggle('network-founding', !!network.founding);
    }
  }
}

function labelNetworks(state) {
  for (const [id, { polygon, network }] of state.networkLayers) {
    const badge = state.badges[id];
    const detail = state.badgeDetails && state.badgeDetails[id];
    const title = detail ? ` title="${escapeHtml(detail)}"` : '';
    polygon.setTooltipContent(badge ? `${escapeHtml(network.name)} <span class="network-badge" data-testid="network-badge" data-network="${id}"${title}>${escapeHtml(badge)}</span>` : escapeHtml(network.name));
  }
}

function incidentIcon(i, selected) {
  const html = `<span class="incident-pin ${i.status.toLowerCase()}${selected ? ' selected' : ''}" style="--pin:${i.colour}" aria-hidden="true">${escapeHtml(i.glyph)}</span>`
    + `<span class="sr-only">${escapeHtml(i.label)}</span>`;
  return L.divIcon({ html, className: 'incident-marker', iconSize: [30, 30], iconAnchor: [15, 15] });
}

function drawLegend(state, networks) {
  if (state.legend) state.legend.remove();
  if (state.options.showLegend === false) return;
  const legend = L.control({ position: 'bottomleft' });
  legend.onAdd = () => {
    const div = L.DomUtil.create('div', 'map-legend');
    const rows = networks.map(n =>
      `<li><span class="swatch" style="background:${n.colour}"></span>${escapeHtml(n.name)} <small>${escapeHtml(n.status)}${state.options.membersLabel ? ` · ${n.memberCount} ${escapeHtml(state.options.membersLabel)}` : ''}</small></li>`).join('');
    const indicative = networks.some(n => n.indicative) ? `<p class="note">${escapeHtml(state.options.indicativeNote)}</p>` : '';
    div.innerHTML = `<strong>${escapeHtml(state.options.legendTitle)}</strong><ul>${rows}</ul>${indicative}`;
    L.DomEvent.disableClickPropagation(div);
    return div;
  };
  legend.addTo(state.map);
  state.legend = legend;
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}
