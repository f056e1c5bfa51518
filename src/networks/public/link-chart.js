// The link chart, drawn with cytoscape.js on canvas (no WebGL). Progressive enhancement only: the
// filters, the shortest path and the table beside the chart all work without this file. Data comes from
// the page's <script type="application/json" id="link-chart-data"> block (no inline script runs).
// A plain script: its steps are the linkChart… functions below, and the wrapper at the end runs them.
'use strict'

// a label short enough not to cover its neighbours: the full one shows when the node is pointed at or selected
function linkChartShort(label) {
  return label.length > 24 ? label.slice(0, 22) + '…' : label
}

// the chart's nodes and links, with what the style, the layout and the filters read
function linkChartElements(data) {
  var elements = []
  data.nodes.forEach(function (n) {
    elements.push({
      group: 'nodes',
      data: {
        id: n.id,
        label: n.label,
        short: linkChartShort(n.label),
        kind: n.kind,
        child: n.child ? 'yes' : 'no',
        step: n.step,
      },
    })
  })
  data.edges.forEach(function (e) {
    elements.push({
      group: 'edges',
      data: {
        id: e.id,
        source: e.source,
        target: e.target,
        kinds: e.kinds,
        reliability: e.reliability,
        first: e.first,
        last: e.last,
        restricted: e.restricted ? 'yes' : 'no',
        strength: e.strength,
        label: e.roles.join(', '),
      },
    })
  })
  return elements
}

// each kind of node its colour and shape (the key beside the chart shows the same); a strong link
// thick, a weak one dotted, a restricted one dashed; a path and a selection stand out
function linkChartStyle(dense, big) {
  return [
    {
      selector: 'node',
      style: {
        'background-color': '#505a5f',
        label: 'data(short)',
        'font-size': 10,
        'min-zoomed-font-size': 8,
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-wrap': 'ellipsis',
        'text-max-width': 120,
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': 1,
        width: 14,
        height: 14,
        color: '#0b0c0c',
      },
    },
    {
      selector: 'node[child = "yes"]',
      style: { 'background-color': '#1d70b8', shape: 'ellipse', width: 20, height: 20 },
    },
    {
      selector: 'node[kind = "person"][child = "no"]',
      style: { 'background-color': '#d4351c', shape: 'round-rectangle' },
    },
    { selector: 'node[kind = "vehicle"]', style: { 'background-color': '#f47738', shape: 'diamond' } },
    { selector: 'node[kind = "phone"]', style: { 'background-color': '#4c2c92', shape: 'triangle' } },
    { selector: 'node[kind = "online"]', style: { 'background-color': '#912b88', shape: 'hexagon' } },
    { selector: 'node[kind = "location"]', style: { 'background-color': '#00703c', shape: 'rectangle' } },
    {
      selector: 'node[kind = "restricted"]',
      style: {
        'background-color': '#b1b4b6',
        shape: 'octagon',
        width: 24,
        height: 24,
        label: 'data(label)',
        'text-wrap': 'wrap',
        'text-max-width': 160,
      },
    },
    { selector: 'edge', style: { width: 1.5, 'line-color': '#8c8f91', 'curve-style': 'haystack' } },
    { selector: 'edge[strength = "strong"]', style: { width: 3.5, 'line-color': '#505a5f' } },
    { selector: 'edge[strength = "weak"]', style: { 'line-style': 'dotted', 'curve-style': 'straight' } },
    { selector: 'edge[restricted = "yes"]', style: { 'line-style': 'dashed', 'curve-style': 'straight' } },
  ]
    .concat(
      dense
        ? [
            // many nodes: only people and the restricted summary are named at once; the rest when pointed at
            // or selected, and on a large chart only the children
            { selector: 'node', style: { label: '' } },
            {
              selector: big ? 'node[child = "yes"]' : 'node[kind = "person"]',
              style: { label: 'data(short)' },
            },
            { selector: 'node[kind = "restricted"]', style: { label: 'data(label)' } },
          ]
        : [],
    )
    .concat([
      {
        selector: '.path',
        style: {
          'background-color': '#ffdd00',
          'line-color': '#ffdd00',
          width: 5,
          'border-width': 3,
          'border-color': '#0b0c0c',
          'z-index': 10,
          label: 'data(short)',
        },
      },
      { selector: 'node.hover, node:selected', style: { label: 'data(label)', 'z-index': 20, 'font-size': 12 } },
      { selector: ':selected', style: { 'border-width': 3, 'border-color': '#ffdd00' } },
    ])
}

// where the nodes go: rings by steps out to start with (a network's children in the middle); then, on a
// chart small enough to settle quickly, a force-directed layout that pulls each group together and sets
// groups that share nothing apart
function linkChartLayout(cy, data, big) {
  var maxStep = data.nodes.reduce(function (m, n) {
    return Math.max(m, n.step)
  }, 0)
  cy.layout({
    name: 'concentric',
    animate: false,
    avoidOverlap: !big,
    minNodeSpacing: 10,
    levelWidth: function () {
      return 1
    },
    concentric: function (n) {
      return data.subject.kind === 'network' ? (n.data('child') === 'yes' ? 2 : 1) : maxStep + 1 - n.data('step')
    },
  }).run()
  // the one node summarising the links the viewer may not see is tied to many people: left out of the
  // layout (it would pull unrelated groups together), then set below the rest
  var restricted = cy.nodes('[kind = "restricted"]')
  var rest = cy.elements().difference(restricted.union(restricted.connectedEdges()))
  if (data.nodes.length <= 200)
    rest
      .layout({
        name: 'cose',
        animate: false,
        randomize: false,
        fit: false,
        // a label takes room as its node does, so that labels do not fall on each other
        nodeDimensionsIncludeLabels: true,
        componentSpacing: 120,
        nodeRepulsion: function () {
          return 12000
        },
        idealEdgeLength: function () {
          return 70
        },
        nodeOverlap: 20,
        numIter: 1500,
      })
      .run()
  if (restricted.length && rest.nodes().length) {
    var box = rest.nodes().boundingBox()
    restricted.position({ x: (box.x1 + box.x2) / 2, y: box.y2 + 60 })
  }
  cy.fit(undefined, 30)
  // a few nodes are not blown up to fill the box: labels keep their size
  if (cy.zoom() > 1.25) {
    cy.zoom(1.25)
    cy.center()
  }
}

// the chart itself, its subject at the centre (a network's children at the centre of a network)
function linkChartDraw(container, data) {
  var big = data.nodes.length > 500
  var dense = data.nodes.length > 40
  var cy = window.cytoscape({
    container: container,
    elements: linkChartElements(data),
    // canvas renderer; large charts draw a texture while panning and hide edges while moving
    textureOnViewport: big,
    hideEdgesOnViewport: big,
    motionBlur: false,
    pixelRatio: big ? 1 : 'auto',
    minZoom: 0.02,
    maxZoom: 4,
    style: linkChartStyle(dense, big),
    layout: { name: 'preset' },
  })
  linkChartLayout(cy, data, big)
  // pointed at: named in full
  cy.on('mouseover', 'node', function (e) {
    e.target.addClass('hover')
  })
  cy.on('mouseout', 'node', function (e) {
    e.target.removeClass('hover')
  })
  return cy
}

function linkChartHighlight(cy, ids) {
  cy.elements().removeClass('path')
  for (var i = 0; i < ids.length; i++) {
    cy.getElementById(ids[i]).addClass('path')
    if (i > 0)
      cy.getElementById(ids[i - 1])
        .edgesWith(cy.getElementById(ids[i]))
        .addClass('path')
  }
}

// two nodes selected: the shortest path between them over what is shown
function linkChartShortestPath(cy, status) {
  cy.on('select', 'node', function () {
    var chosen = cy.$('node:selected')
    if (chosen.length !== 2) return
    // never through the summary of what the viewer may not see: it joins people who share nothing
    var usable = cy.elements(':visible').filter(function (el) {
      return el.isNode() ? el.data('kind') !== 'restricted' : el.data('restricted') !== 'yes'
    })
    var found = usable.aStar({ root: chosen[0], goal: chosen[1] })
    if (found.found)
      linkChartHighlight(
        cy,
        found.path.nodes().map(function (n) {
          return n.id()
        }),
      )
    else if (status) status.textContent = 'No path joins these two through the links shown.'
  })
}

// the filter form also filters the chart at once (submitting it filters the table)
function linkChartFilters(cy, form) {
  function checked(name) {
    return Array.prototype.slice.call(form.querySelectorAll('input[name="' + name + '"]:checked')).map(function (i) {
      return i.value
    })
  }
  function applyFilters() {
    var kinds = checked('kinds')
    var rel = checked('reliability')
    var from = (form.querySelector('[name="from"]') || {}).value || ''
    var to = (form.querySelector('[name="to"]') || {}).value || ''
    cy.batch(function () {
      cy.edges().forEach(function (e) {
        var d = e.data()
        var ok =
          (kinds.length === 0 ||
            d.restricted === 'yes' ||
            d.kinds.some(function (k) {
              return kinds.indexOf(k) >= 0
            })) &&
          (rel.length === 0 ||
            d.restricted === 'yes' ||
            d.reliability.some(function (r) {
              return rel.indexOf(r) >= 0
            })) &&
          (!from || d.last >= from) &&
          (!to || d.first <= to)
        e.style('display', ok ? 'element' : 'none')
      })
      cy.nodes().forEach(function (n) {
        var shown =
          n.data('step') === 0 ||
          n.connectedEdges().some(function (e) {
            return e.style('display') !== 'none'
          })
        n.style('display', shown ? 'element' : 'none')
      })
    })
  }
  if (form) form.addEventListener('change', applyFilters)
}

// export as an image: drawn in the browser, the export recorded on the server
function linkChartExport(cy, data, status) {
  var tools = document.getElementById('link-chart-tools')
  var button = document.getElementById('link-chart-png')
  var exportForm = document.getElementById('link-chart-export')
  if (!tools || !button || !exportForm) return
  tools.hidden = false
  button.addEventListener('click', function () {
    var body = new URLSearchParams()
    body.set('_csrf', exportForm.querySelector('[name="_csrf"]').value)
    body.set('subject_kind', data.subject.kind)
    body.set('subject_id', data.subject.id)
    body.set('nodes', String(cy.nodes(':visible').length))
    fetch(exportForm.action, {
      method: 'POST',
      body: body,
      credentials: 'same-origin',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
      .then(function (res) {
        if (!res.ok) throw new Error('the export was not recorded')
        return cy.png({ output: 'blob-promise', full: true, bg: '#ffffff', maxWidth: 4000, maxHeight: 4000 })
      })
      .then(function (blob) {
        linkChartDownload(blob, 'link-chart-' + data.subject.kind + '-' + data.subject.id + '.png')
      })
      .catch(function (err) {
        if (status) status.textContent = 'Export failed: ' + err.message
      })
  })
}

function linkChartDownload(blob, name) {
  var a = document.createElement('a')
  a.href = URL.createObjectURL(blob)
  a.download = name
  document.body.appendChild(a)
  a.click()
  setTimeout(function () {
    URL.revokeObjectURL(a.href)
    a.remove()
  }, 1000)
}

;(function () {
  var container = document.getElementById('link-chart')
  var block = document.getElementById('link-chart-data')
  if (!container || !block || typeof window.cytoscape !== 'function') return
  var data = JSON.parse(block.textContent || '{}')
  var status = document.getElementById('link-chart-status')
  var started = performance.now()
  container.hidden = false
  var cy = linkChartDraw(container, data)
  cy.one('render', function () {
    var ms = Math.round(performance.now() - started)
    container.setAttribute('data-first-draw-ms', String(ms))
    if (status) {
      status.hidden = false
      status.textContent =
        data.nodes.length +
        ' people and things, ' +
        data.edges.length +
        (data.edges.length === 1 ? ' link' : ' links') +
        '. Select two to show a shortest path.'
    }
  })
  if (data.path) linkChartHighlight(cy, data.path)
  linkChartShortestPath(cy, status)
  linkChartFilters(cy, document.getElementById('link-filters'))
  linkChartExport(cy, data, status)
  var legend = document.getElementById('link-chart-legend')
  if (legend) legend.hidden = false
  window.threadlineLinkChart = cy
})()
