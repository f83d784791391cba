// The live map's browser side: one Leaflet map per element. Blazor owns the state; this module draws it.
const maps = new WeakMap();

const transparentTile = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';

export function init(element, options, dotnet) {
  const map = L.map(element, { zoomControl: true, preferCanvas: false })
    .setView([options.centreLatitude, options.centreLongitude], options.zoom);
  if (options.tileUrl) {
    // Offline or blocked tiles fail quietly: the plain background and the vector layers stay.
    L.tileLayer(options.tileUrl, { maxZoom: 19, attribution: options.tileAttribution, errorTileUrl: transparentTile }).addTo(map);
  }
  const state = {
    map, dotnet, options,
    networks: L.layerGroup().addTo(map),
    incidents: L.layerGroup().addTo(map),
    networkLayers: new Map(),
    incidentLayers: new Map(),
    highlights: { incident: null, activeNetworks: [], selectedNetworks: [] },
    badges: {},
    pulsing: new Set(),
    legend: null,
    fitted: false,
  };
  map.on('click', e => dotnet.invokeMethodAsync('MapClicked', e.latlng.lat, e.latlng.lng));
  maps.set(element, state);
}

export function setNetworks(element, networks) {
  const state = maps.get(element);
  if (!state) return;
  state.networks.clearLayers();
  state.networkLayers.clear();
  for (const n of networks) {
    const polygon = L.polygon(n.rings, { color: n.colour, weight: 2, fillOpacity: 0.12, className: 'network-polygon' });
    polygon.bindTooltip(escapeHtml(n.name), { permanent: true, direction: 'center', className: 'network-label' });
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
    state.map.fitBounds(L.featureGroup([...state.networkLayers.values()].map(v => v.polygon)).getBounds(), { padding: [24, 24] });
    state.fitted = true;
  }
}

export function setIncidents(element, incidents) {
  const state = maps.get(element);
  if (!state) return;
  const seen = new Set();
  for (const i of incidents) {
    seen.add(i.id);
    const existing = state.incidentLayers.get(i.id);
    if (existing) {
      existing.marker.setLatLng([i.latitude, i.longitude]);
      existing.marker.setIcon(incidentIcon(i, state.highlights.incident === i.id));
      existing.incident = i;
      continue;
    }
    const marker = L.marker([i.latitude, i.longitude], { icon: incidentIcon(i, state.highlights.incident === i.id), title: i.label, riseOnHover: true });
    marker.on('click', e => { L.DomEvent.stopPropagation(e); state.dotnet.invokeMethodAsync('IncidentClicked', i.id); });
    marker.addTo(state.incidents);
    state.incidentLayers.set(i.id, { marker, incident: i });
  }
  for (const [id, entry] of state.incidentLayers) {
    if (!seen.has(id)) { state.incidents.removeLayer(entry.marker); state.incidentLayers.delete(id); }
  }
}

export function setHighlights(element, highlights) {
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

export function setBadges(element, badges) {
  const state = maps.get(element);
  if (!state) return;
  state.badges = badges || {};
  labelNetworks(state);
}

export function setPulses(element, ids) {
  const state = maps.get(element);
  if (!state) return;
  state.pulsing = new Set(ids || []);
  styleNetworks(state);
}

export function dispose(element) {
  const state = maps.get(element);
  if (state) { state.map.remove(); maps.delete(element); }
}

function styleNetworks(state) {
  const active = new Set(state.highlights.activeNetworks);
  const selected = new Set(state.highlights.selectedNetworks);
  for (const [id, { polygon, network }] of state.networkLayers) {
    polygon.setStyle({
      color: network.colour,
      weight: selected.has(id) ? 5 : active.has(id) ? 3 : 2,
      dashArray: network.indicative && !selected.has(id) ? '6 4' : null,
      fillOpacity: selected.has(id) ? 0.35 : active.has(id) ? 0.25 : 0.12,
    });
    const el = polygon.getElement();
    if (el) {
      el.classList.toggle('network-active', active.has(id));
      el.classList.toggle('network-selected', selected.has(id));
      el.classList.toggle('network-pulse', state.pulsing.has(id));
      el.setAttribute('data-network', id);
    }
  }
}

function labelNetworks(state) {
  for (const [id, { polygon, network }] of state.networkLayers) {
    const badge = state.badges[id];
    polygon.setTooltipContent(badge ? `${escapeHtml(network.name)} <span class="network-badge">${escapeHtml(badge)}</span>` : escapeHtml(network.name));
  }
}

function incidentIcon(i, selected) {
  const html = `<span class="incident-pin ${i.status.toLowerCase()}${selected ? ' selected' : ''}" style="--pin:${i.colour}">${escapeHtml(i.glyph)}</span>`;
  return L.divIcon({ html, className: 'incident-marker', iconSize: [30, 30], iconAnchor: [15, 15] });
}

function drawLegend(state, networks) {
  if (state.legend) state.legend.remove();
  const legend = L.control({ position: 'bottomleft' });
  legend.onAdd = () => {
    const div = L.DomUtil.create('div', 'map-legend');
    const rows = networks.map(n =>
      `<li><span class="swatch" style="background:${n.colour}"></span>${escapeHtml(n.name)} <small>${escapeHtml(n.status)} · ${n.memberCount} ${escapeHtml(state.options.membersLabel)}</small></li>`).join('');
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
