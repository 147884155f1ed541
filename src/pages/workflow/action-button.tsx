// One action as every screen offers it (the panel, 我的待办): a button in the event's tone, and
// when a guard holds it back, disabled with the reason on hover. The rule is availableActions'.
import { useTranslation } from '@refinedev/core';
import { Button, Tooltip } from 'antd';
import type { MouseEvent } from 'react';
import { eventLabel, guardLabel } from '@/workflow/errors';
import type { AvailableAction } from '@/workflow/machine';
import type { WorkflowPlugin, WorkflowVersion } from '@/workflow/types';

export function ActionButton({ plugin, version, action, facts, form, size, heldBy, onClick }: {
  plugin: WorkflowPlugin;
  version: WorkflowVersion;
  action: AvailableAction;
  facts: Record<string, unknown>;
  /** The instance's form: a guard's reason may name what it lacks (GuardDef.explain). */
  form?: Record<string, unknown>;
  size?: 'small' | 'middle';
  /** Held back by the engine rather than a guard (the step is someone else's): the reason. */
  heldBy?: string | null;
  onClick?: (event: MouseEvent) => void;
}) {
  const { translate } = useTranslation();
  const tone = version.events[action.event]?.tone;
  const button = (
    <Button
      size={size}
      type={tone === 'primary' ? 'primary' : 'default'}
      danger={tone === 'danger'}
      disabled={action.blockedBy !== null || !!heldBy}
      onClick={onClick}
      data-testid={`action-${action.event}`}
    >
      {eventLabel(plugin, action.event)}
    </Button>
  );
  if (heldBy) return <Tooltip title={translate('workflow.panel.blocked', { reason: heldBy })}>{button}</Tooltip>;
  return action.blockedBy ? (
    <Tooltip title={translate('workflow.panel.blocked', { reason: guardLabel(plugin, action.blockedBy, facts, form ?? null) })}>{button}</Tooltip>
  ) : button;
}
