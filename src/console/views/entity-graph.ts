import cytoscape from 'cytoscape';
import { segment, withQuery, type ApiClient } from '../api/client';
import type { Entity, EntitySummary, Page, RiskLevel } from '../api/types';
import { words } from '../dom';

/** An entity in the drawn network, `hop` links away from the one the analyst opened. */
export interface NetworkNode {
  id: string;
  name: string;
  type?: string;
  riskLevel?: RiskLevel;
  hop: number;
}

export interface NetworkEdge {
  source: string;
  target: string;
  type: string;
}

export interface Network {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
}

// Two hops from an entity draw the investigation's network around it without pulling in the whole list.
export const NETWORK_HOPS = 2;
// A bound on the entities fetched and drawn, so a hub cannot make the picture unreadable or the page slow.
export const NETWORK_MAX_NODES = 40;
// Datasets small enough to draw whole ("the network the investigation describes"); a list's thousand entries are not.
export const WHOLE_NETWORK_DATASETS: readonly string[] = ['investigation'];
// Entities fetched at once while following relationships.
const FETCH_CONCURRENCY = 6;

declare global {
  interface Window {
    /** The graph on the page, for the browser tests (node positions); not an API. */
    __consoleGraph?: cytoscape.Core;
  }
}

async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  });
  await Promise.all(workers);
  return results;
}

/**
 * Follows the relationships of `center` up to NETWORK_HOPS links (GET /v1/entities/{id} for each entity reached,
 * at most NETWORK_MAX_NODES), and returns the entities and the links among them.
 */
export async function collectNetwork(api: ApiClient, center: Entity, signal: AbortSignal): Promise<Network> {
  const hops = new Map<string, number>([[center.id, 0]]);
  const names = new Map<string, string>([[center.id, center.name]]);
  const fetched = new Map<string, Entity>([[center.id, center]]);
  let frontier: Entity[] = [center];
  for (let depth = 1; depth <= NETWORK_HOPS && frontier.length > 0; depth++) {
    const reached: string[] = [];
    for (const entity of frontier) {
      for (const relationship of entity.relationships) {
        if (hops.has(relationship.entityId) || hops.size >= NETWORK_MAX_NODES) continue;
        hops.set(relationship.entityId, depth);
        names.set(relationship.entityId, relationship.name);
        reached.push(relationship.entityId);
      }
    }
    const entities = await mapLimited(reached, FETCH_CONCURRENCY, (id) =>
      api.get<Entity>(`/v1/entities/${segment(id)}`, signal).catch((error: unknown) => {
        if (signal.aborted) throw error;
        return undefined; // drawn from the relationship's name alone
      }),
    );
    frontier = entities.filter((e): e is Entity => e !== undefined);
    for (const entity of frontier) fetched.set(entity.id, entity);
  }
  return networkOf(fetched, hops, names);
}

/**
 * The entities in `hops` as nodes, and the links the fetched ones state among them. Each pair's links are taken
 * from one side only (the entity nearer the centre; on a tie, the smaller id), so "heads" and its mirror
 * "headed by" are drawn once.
 */
function networkOf(fetched: ReadonlyMap<string, Entity>, hops: ReadonlyMap<string, number>, names: ReadonlyMap<string, string>): Network {
  const nodes: NetworkNode[] = [...hops].map(([id, hop]) => {
    const entity = fetched.get(id);
    return { id, name: entity?.name ?? names.get(id) ?? id, hop, ...(entity ? { type: entity.type, riskLevel: entity.riskLevel } : {}) };
  });

  const owner = (a: string, b: string) => {
    const [ha, hb] = [hops.get(a) ?? 0, hops.get(b) ?? 0];
    return ha < hb || (ha === hb && a < b) ? a : b;
  };
  const byPair = new Map<string, Map<string, NetworkEdge[]>>();
  for (const entity of fetched.values()) {
    for (const relationship of entity.relationships) {
      if (!hops.has(relationship.entityId) || relationship.entityId === entity.id) continue;
      const edge: NetworkEdge =
        relationship.direction === 'inbound'
          ? { source: relationship.entityId, target: entity.id, type: relationship.type }
          : { source: entity.id, target: relationship.entityId, type: relationship.type };
      const pair = [entity.id, relationship.entityId].sort().join('\u0000');
      const reporters = byPair.get(pair) ?? new Map<string, NetworkEdge[]>();
      reporters.set(entity.id, [...(reporters.get(entity.id) ?? []), edge]);
      byPair.set(pair, reporters);
    }
  }
  const edges: NetworkEdge[] = [];
  for (const [pair, reporters] of byPair) {
    const [a, b] = pair.split('\u0000') as [string, string];
    const preferred = owner(a, b);
    const chosen = reporters.get(preferred) ?? reporters.get(preferred === a ? b : a) ?? [];
    const seen = new Set<string>();
    for (const edge of chosen) {
      const key = `${edge.source}|${edge.target}|${edge.type}`;
      if (!seen.has(key)) edges.push(edge);
      seen.add(key);
    }
  }
  return { nodes, edges };
}

/**
 * Every entity of a dataset (the investigation's subjects, say) and the links among them, as far as
 * NETWORK_MAX_NODES allows: the whole network a source describes, including entities it links to nothing.
 */
export async function collectDatasetNetwork(api: ApiClient, center: Entity, signal: AbortSignal): Promise<Network> {
  const page = await api.get<Page<EntitySummary>>(withQuery('/v1/entities', { dataset: center.dataset, limit: NETWORK_MAX_NODES }), signal);
  const others = page.items.filter((e) => e.id !== center.id).slice(0, NETWORK_MAX_NODES - 1);
  const hops = new Map<string, number>([[center.id, 0], ...others.map((e) => [e.id, 1] as const)]);
  const names = new Map<string, string>([[center.id, center.name], ...others.map((e) => [e.id, e.name] as const)]);
  const entities = await mapLimited(others, FETCH_CONCURRENCY, (e) =>
    api.get<Entity>(`/v1/entities/${segment(e.id)}`, signal).catch((error: unknown) => {
      if (signal.aborted) throw error;
      return undefined;
    }),
  );
  const fetched = new Map<string, Entity>([[center.id, center]]);
  for (const entity of entities) if (entity) fetched.set(entity.id, entity);
  return networkOf(fetched, hops, names);
}

// A small network would otherwise be blown up to fill the frame.
const GRAPH_MAX_ZOOM = 1.3;

/** Node colours by risk level (the legend beside the graph uses them too). */
export const RISK_COLOURS: Record<string, string> = {
  critical: '#7f1d1d',
  high: '#c81e1e',
  medium: '#b45309',
  low: '#1d4ed8',
  none: '#6b7280',
};

// Space between laid-out groups of linked entities, in graph units.
const COMPONENT_GAP = 48;

/**
 * Lays out each group of linked entities on its own (rings by hop as a deterministic start, then Cytoscape's
 * force-directed pass, turned a quarter when it comes out taller than wide), then packs the groups in rows whose
 * proportions follow the frame's: the biggest group first, entities linked to nothing last. The same picture
 * every time: nothing is random.
 */
function layoutByComponent(cy: cytoscape.Core, frameAspect: number): void {
  const groups = cy
    .elements()
    .components()
    .sort((a, b) => b.nodes().length - a.nodes().length);
  const boxes = groups.map((group) => {
    if (group.nodes().length > 1) {
      group
        .layout({
          name: 'concentric',
          concentric: (node: cytoscape.NodeSingular) => NETWORK_HOPS + 1 - Number(node.data('hop')),
          levelWidth: () => 1,
          minNodeSpacing: 80,
          animate: false,
          fit: false,
        } as cytoscape.ConcentricLayoutOptions)
        .run();
      group
        .layout({
          name: 'cose',
          randomize: false,
          animate: false,
          fit: false,
          nodeDimensionsIncludeLabels: true,
          idealEdgeLength: () => 80,
          nodeRepulsion: () => 100_000,
          nodeOverlap: 40,
          gravity: 1.5,
          numIter: 1500,
        } as cytoscape.CoseLayoutOptions)
        .run();
    }
    let box = group.boundingBox({});
    if (box.h > box.w * 1.2) {
      group.nodes().positions((node) => ({ x: node.position('y'), y: node.position('x') }));
      box = group.boundingBox({});
    }
    return { group, box };
  });
  const area = boxes.reduce((sum, { box }) => sum + (box.w + COMPONENT_GAP) * (box.h + COMPONENT_GAP), 0);
  const rowWidth = Math.max(Math.sqrt(area * frameAspect), ...boxes.map(({ box }) => box.w));
  let [x, y, rowHeight] = [0, 0, 0];
  for (const { group, box } of boxes) {
    if (x > 0 && x + box.w > rowWidth) {
      [x, y, rowHeight] = [0, y + rowHeight + COMPONENT_GAP, 0];
    }
    group.nodes().shift({ x: x - box.x1, y: y - box.y1 });
    x += box.w + COMPONENT_GAP;
    rowHeight = Math.max(rowHeight, box.h);
  }
}

/**
 * Draws the network with Cytoscape.js: the opened entity in the middle, each ring one hop further out; nodes
 * coloured by risk. Tapping a node calls `onOpen` with its id. Wheel zoom is off (the page scrolls); drag pans.
 */
export function drawNetwork(container: HTMLElement, network: Network, options: { centerId: string; onOpen(id: string): void }): cytoscape.Core {
  const cy = cytoscape({
    container,
    elements: [
      ...network.nodes.map((n) => ({
        data: { id: n.id, label: n.name, hop: n.hop, colour: RISK_COLOURS[n.riskLevel ?? ''] ?? '#9ca3af', shape: n.type === 'person' ? 'ellipse' : 'round-rectangle' },
        classes: n.id === options.centerId ? 'center' : '',
      })),
      ...network.edges.map((e, i) => ({ data: { id: `edge-${i}`, source: e.source, target: e.target, label: words(e.type) } })),
    ],
    style: [
      {
        selector: 'node',
        style: {
          'background-color': 'data(colour)',
          shape: 'data(shape)' as unknown as cytoscape.Css.NodeShape,
          width: 26,
          height: 26,
          label: 'data(label)',
          color: '#111827',
          'font-size': 12,
          'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", sans-serif',
          'text-valign': 'bottom',
          'text-margin-y': 4,
          'text-wrap': 'wrap',
          'text-max-width': '130px',
          'text-background-color': '#ffffff',
          'text-background-opacity': 0.85,
          'text-background-padding': '2px',
        },
      },
      { selector: 'node.center', style: { width: 38, height: 38, 'border-width': 4, 'border-color': '#111827', 'font-weight': 'bold' } },
      { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#1d4ed8' } },
      {
        selector: 'edge',
        style: {
          width: 1.5,
          'line-color': '#6b7280',
          'target-arrow-color': '#6b7280',
          'target-arrow-shape': 'triangle',
          'curve-style': 'bezier',
          label: 'data(label)',
          'font-size': 10,
          color: '#374151',
          'text-rotation': 'autorotate',
          'text-background-color': '#ffffff',
          'text-background-opacity': 0.9,
          'text-background-padding': '1px',
        },
      },
    ],
    layout: { name: 'preset' },
    userZoomingEnabled: false,
    boxSelectionEnabled: false,
    autoungrabify: false,
  });
  layoutByComponent(cy, container.clientWidth / Math.max(container.clientHeight, 1));
  cy.fit(undefined, 28);
  if (cy.zoom() > GRAPH_MAX_ZOOM) {
    cy.zoom(GRAPH_MAX_ZOOM);
    cy.center();
  }
  cy.on('tap', 'node', (event) => options.onOpen(String(event.target.id())));
  cy.on('mouseover', 'node', () => container.classList.add('pointer'));
  cy.on('mouseout', 'node', () => container.classList.remove('pointer'));
  window.__consoleGraph = cy;
  return cy;
}
