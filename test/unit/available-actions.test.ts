// What the screens offer (availableActions): an action a guard holds back on the form or the facts
// is blocked, whatever payload it asks for; a guard on the payload is judged when it is filled in.
import { describe, expect, it } from 'vitest';
import { availableActions } from '../../src/workflow/machine.ts';
import type { WorkflowPlugin } from '../../src/workflow/types.ts';
import { WORKFLOWS } from '../../workflows/registry.ts';
import { samplePlugin } from '../fixtures/sample-workflow/index.ts';

const application = WORKFLOWS.find((p) => p.name === 'application')!;
const latest = (plugin: WorkflowPlugin) => plugin.versions.at(-1)!;

describe('availableActions', () => {
  it('blocks an action with a payload when a guard on the facts refuses it (the yearly acceptance out of its phase)', () => {
    const facts = { campaign: { phase: 'pilot', filing_opens_on: '2026-01-01', filing_closes_on: '2026-05-31' }, today: '2026-09-01', rounds: {} };
    const actions = availableActions(application, latest(application), 'self_checked', {}, ['street_office'], facts);
    expect(actions).toEqual(expect.arrayContaining([
      { event: 'pick_pilot', blockedBy: null },
      { event: 'accept_yearly', blockedBy: 'roundOpen' },
    ]));
  });

  it('does not block on a guard that reads the payload (a score not yet entered)', () => {
    const actions = availableActions(samplePlugin, latest(samplePlugin), 'review.opened', {}, ['reviewer']);
    expect(actions.find((a) => a.event === 'approve')).toEqual({ event: 'approve', blockedBy: null });
  });

  it('still blocks on the form (submit of an incomplete draft)', () => {
    const actions = availableActions(samplePlugin, latest(samplePlugin), 'draft', {}, ['community_filer']);
    expect(actions.find((a) => a.event === 'submit')).toEqual({ event: 'submit', blockedBy: 'formComplete' });
  });
});
