import type { Decision, RiskLevel } from '../api/types';
import { h } from '../dom';

const RISK_LABELS: Record<string, string> = {
  critical: 'Critical risk',
  high: 'High risk',
  medium: 'Medium risk',
  low: 'Low risk',
  none: 'No risk',
};

/** The risk level as text and colour (never colour alone). */
export function riskBadge(level: RiskLevel | string): HTMLElement {
  return h('span', { class: `badge risk-${level}` }, RISK_LABELS[level] ?? `${level} risk`);
}

/** A flag's severity. */
export function severityBadge(severity: string): HTMLElement {
  return h('span', { class: `badge risk-${severity}` }, severity);
}

const DECISION_TEXT: Record<Decision, { label: string; meaning: string }> = {
  hit: { label: 'Hit', meaning: 'a match carries high or critical risk: do not proceed without review' },
  review: { label: 'Review', meaning: 'a possible match needs an analyst' },
  clear: { label: 'Clear', meaning: 'nothing on the lists matches' },
};

/** The decision in words, for the banner. */
export function decisionText(decision: Decision): { label: string; meaning: string } {
  return DECISION_TEXT[decision];
}

export function decisionBadge(decision: string): HTMLElement {
  return h('span', { class: `badge decision-${decision}` }, decision);
}

/** A neutral label, e.g. an entity type or a name's origin. */
export function tag(text: string, kind = ''): HTMLElement {
  return h('span', { class: `tag ${kind}`.trim() }, text);
}
