// The workflow panel every plugin's instances get: the current state, the actions this user may
// take now (from the machine, by role and guard), each with a form generated from its payload
// schema, the form itself, the log as a timeline, the main path as steps with the instance's
// step marked, and the whole machine drawn (folded until asked for).
import { PrinterOutlined } from '@ant-design/icons';
import { Show } from '@refinedev/antd';
import { useTranslation } from '@refinedev/core';
import { App, Alert, Button, Card, Col, Collapse, Empty, Form, Modal, Row, Select, Space, Tag, Timeline, Typography, type FormInstance } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { myMemberships, rolesWhere, type MemberRole } from '@/access/memberships';
import { useGetIdentity } from '@refinedev/core';
import { StatusTag } from '@/components/status-tag';
import { i18n } from '@/i18n';
import { formatDateTime, formatDeadline } from '@/lib/dates';
import { asJson, jsonObject, type JsonObject, type SelectRow } from '@/lib/rows';
import { supabaseClient } from '@/providers/supabase-client';
import { ENGINE_EVENTS, confirmText, eventLabel, eventNotes, fieldLabel, guardLabel, loggedLabel, stateLabel, stateMarks, workflowError } from '@/workflow/errors';
import { availableActions, compiledOf, refusingGuard } from '@/workflow/machine';
import { machineDiagram } from '@/workflow/mermaid';
import { versionOf } from '@/workflow/plugins';
import type { WorkflowPlugin, WorkflowVersion } from '@/workflow/types';
import { INSTANCE_SELECT, startLabel } from './list';
import { WorkflowSteps } from './steps';
import { ActionButton } from './action-button';
import { UrgeButton } from './urge';
import { cleanValues, SchemaForm, showIssues } from './schema-form';
import { SchemaView } from './schema-view';
import { HandoverDialog, memberOptions, nameOf, ResumeDialog, ReturnDialog, type Assignment, type Member } from './handlers';
import { CountersignSummary, type Countersign } from './countersign';
import type { CompiledVersion } from '@/workflow/compile';
import { stateAncestors } from '@/workflow/machine';

const Diagram = lazy(() => import('./diagram'));

// An instance and its log as the panel reads them, the form and each payload as the objects
// the database holds there.
type Instance = Omit<SelectRow<'workflow_instances', typeof INSTANCE_SELECT>, 'form'> & { form: JsonObject };
const LOG_SELECT = 'id, event, from_state, to_state, comment, payload, actor_id, actor_roles, created_at';
type LogRow = Omit<SelectRow<'workflow_events', typeof LOG_SELECT>, 'payload'> & { payload: JsonObject };

/** An engine refusal beside the field it names, when the dialog shows that field; else above. */
function showRefusal(plugin: WorkflowPlugin, error: { code?: string; message?: string; details?: string | null }, form: FormInstance | null, setRefusal: (text: string) => void) {
  const { message: text, field } = workflowError(plugin, error);
  if (field && form) form.setFields([{ name: field, errors: [text] }]);
  else setRefusal(text);
}

/** The step an event would enter from the state, for the sender's roles (the first candidate, as the database takes it). */
function targetOf(compiled: CompiledVersion, state: string, event: string, roles: MemberRole[]): string | null {
  const ancestors = stateAncestors(state);
  const t = compiled.transitions
    .filter((x) => x.event === event && ancestors.includes(x.from) && x.roles.some((r) => roles.includes(r)))
    .sort((a, b) => b.depth - a.depth || a.priority - b.priority)[0];
  return t?.to && t.to !== state ? t.to : null;
}

function ActionDialog({ plugin, version, compiled, instance, roles, facts, event, members, me, countersigning, onClose, onDone }: {
  plugin: WorkflowPlugin;
  version: WorkflowVersion;
  compiled: CompiledVersion;
  instance: Instance;
  roles: MemberRole[];
  facts: Record<string, unknown>;
  event: string;
  members: Member[];
  me: string | undefined;
  /** The step's signers decide together: this action is a vote. */
  countersigning: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { translate } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [people] = Form.useForm<{ assignees?: string[] | string; cc?: string[] }>();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const def = version.events[event]!;
  const hasFields = Object.keys(def.payload.shape).length > 0;
  // Who handles the step it enters (when that step names handlers) and whom it copies.
  const target = targetOf(compiled, instance.state, event, roles);
  const assign = target ? compiled.stateOptions.find((o) => o.state === target && o.assignRoles) : undefined;
  const cc = compiled.cc.find((c) => c.event === event);
  const eligible = assign ? memberOptions(members, assign.assignRoles, translate) : [];
  const roleNames = (list: string[]) => list.map((r) => translate(`memberships.roles.${r}`)).join('、');

  const submit = async () => {
    let values: Record<string, unknown> = {};
    try {
      if (hasFields) values = cleanValues(await form.validateFields());
    } catch {
      return; // the fields say what is missing, by name
    }
    const parsed = def.payload.safeParse(values);
    if (!parsed.success) {
      showIssues(plugin, form, parsed.error);
      return;
    }
    const payload = parsed.data;
    // The machine decides first, as the database will: a guard on the payload speaks here.
    const refused = refusingGuard(plugin, version, instance.state, instance.form, facts, { type: event, payload, actor: { roles } });
    if (refused) {
      setRefusal(translate('workflow.errors.WF004', { guard: guardLabel(plugin, refused, facts) }));
      return;
    }
    let picked: { assignees?: string[] | string; cc?: string[] };
    try {
      picked = assign || cc?.pick ? await people.validateFields() : {};
    } catch {
      return;
    }
    const assignees = picked.assignees === undefined ? [] : Array.isArray(picked.assignees) ? picked.assignees : [picked.assignees];
    setBusy(true);
    const { data, error } = await supabaseClient.rpc('fire_event', {
      p_instance_id: instance.id, p_event: event, p_expected_revision: instance.revision, p_payload: asJson(payload),
      ...(assignees.length ? { p_assignees: assignees } : {}),
      ...(picked.cc?.length ? { p_cc: picked.cc } : {}),
    });
    setBusy(false);
    if (error) {
      const refused = workflowError(plugin, error);
      const field = refused.field === 'assignees' || refused.field === 'cc' ? refused.field : null;
      if (field) people.setFields([{ name: field, errors: [refused.message] }]);
      else showRefusal(plugin, error, hasFields ? form : null, setRefusal);
      if (error.code === 'WF005') onDone(); // show what the other person did
      return;
    }
    // A vote that did not decide leaves the step where it was, waiting for the other signers.
    const waiting = countersigning && data?.state === instance.state;
    void message.success(translate(waiting ? 'workflow.countersign.voted' : 'workflow.fired', { action: eventLabel(plugin, event) }));
    onDone();
    onClose();
  };

  return (
    <Modal
      title={eventLabel(plugin, event)}
      open
      onCancel={onClose}
      onOk={submit}
      confirmLoading={busy}
      okButtonProps={{ danger: def.tone === 'danger' }}
      okText={eventLabel(plugin, event)}
      destroyOnHidden
    >
      {refusal && <Alert type="error" showIcon message={refusal} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph data-testid="action-confirm">{confirmText(plugin, event, instance.subject?.name ?? '')}</Typography.Paragraph>
      {countersigning && <Alert type="info" showIcon message={translate('workflow.countersign.voteHint')} style={{ marginBottom: 12 }} />}
      {hasFields && <SchemaForm plugin={plugin} schema={def.payload} form={form} name={`event-${event}`} />}
      {(assign || cc) && (
        <Form
          form={people}
          layout="vertical"
          name={`people-${event}`}
          initialValues={{ assignees: assign?.assignRequired && me && eligible.some((o) => o.value === me) ? (assign.assignMultiple ? [me] : me) : undefined }}
        >
          {assign && (
            <Form.Item
              name="assignees"
              label={translate('workflow.panel.nextHandlers')}
              extra={assign.assignRequired ? undefined : translate('workflow.panel.nextHandlersHint', { roles: roleNames(assign.assignRoles!) })}
              rules={assign.assignRequired ? [{ required: true, message: translate('workflow.panel.nextHandlersRequired') }] : []}
            >
              <Select allowClear showSearch optionFilterProp="label" mode={assign.assignMultiple ? 'multiple' : undefined} options={eligible} data-testid="next-handlers" />
            </Form.Item>
          )}
          {cc && (
            <Form.Item name="cc" label={translate('workflow.panel.cc')} extra={cc.roles.length ? translate('workflow.panel.ccAlways', { roles: roleNames(cc.roles) }) : undefined}>
              {cc.pick ? (
                <Select mode="multiple" allowClear showSearch optionFilterProp="label" placeholder={translate('workflow.panel.ccPlaceholder')} options={memberOptions(members, null, translate, me)} data-testid="cc-people" />
              ) : (
                <Typography.Text type="secondary">{roleNames(cc.roles)}</Typography.Text>
              )}
            </Form.Item>
          )}
        </Form>
      )}
    </Modal>
  );
}

function FormDialog({ plugin, version, instance, onClose, onDone }: {
  plugin: WorkflowPlugin;
  version: WorkflowVersion;
  instance: Instance;
  onClose: () => void;
  onDone: () => void;
}) {
  const { translate } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const submit = async () => {
    let values: Record<string, unknown>;
    try {
      values = { ...instance.form, ...cleanValues(await form.validateFields()) };
    } catch {
      return; // the fields say what is wrong
    }
    const parsed = version.form.safeParse(values);
    if (!parsed.success) {
      showIssues(plugin, form, parsed.error);
      return;
    }
    setBusy(true);
    const { error } = await supabaseClient.rpc('save_workflow_form', {
      p_instance_id: instance.id, p_form: asJson(parsed.data), p_expected_form_revision: instance.form_revision,
    });
    setBusy(false);
    if (error) {
      showRefusal(plugin, error, form, setRefusal);
      if (error.code === 'WF011') onDone(); // load the newer form
      return;
    }
    void message.success(translate('workflow.formSaved'));
    onDone();
    onClose();
  };
  return (
    <Modal title={translate('workflow.panel.editForm')} open onCancel={onClose} onOk={submit} confirmLoading={busy} destroyOnHidden>
      {refusal && <Alert type="error" showIcon message={refusal} style={{ marginBottom: 12 }} />}
      <SchemaForm plugin={plugin} schema={version.form} form={form} name="workflow-form" initialValues={instance.form} />
    </Modal>
  );
}

export function WorkflowShow({ plugin }: { plugin: WorkflowPlugin }) {
  const { translate } = useTranslation();
  const { id } = useParams();
  const [instance, setInstance] = useState<Instance | null>(null);
  const [log, setLog] = useState<LogRow[]>([]);
  const [roles, setRoles] = useState<MemberRole[]>([]);
  const [facts, setFacts] = useState<Record<string, unknown>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [acting, setActing] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  // The deadline of the step the instance is in (its timers), and whether the user may 催办 it.
  const [deadline, setDeadline] = useState<string | null>(null);
  const [streetWide, setStreetWide] = useState(false);
  const { data: me } = useGetIdentity<{ id: string }>();
  // Who handles the step now, the people where it lives (names for pickers and the log), and
  // the steps it may be returned to.
  const [assignments, setAssignments] = useState<Assignment[]>([]);
  const [members, setMembers] = useState<Member[]>([]);
  const [returnTargets, setReturnTargets] = useState<string[]>([]);
  const [handover, setHandover] = useState<'transfer' | 'reassign' | 'delegate' | 'finish' | 'addSigner' | null>(null);
  const [countersign, setCountersign] = useState<Countersign | null>(null);
  const [returning, setReturning] = useState(false);
  const [resuming, setResuming] = useState(false);

  const load = useCallback(async () => {
    const [one, events, world, timer] = await Promise.all([
      supabaseClient.from('workflow_instances').select(INSTANCE_SELECT).eq('id', Number(id)).eq('workflow', plugin.name).maybeSingle(),
      supabaseClient.from('workflow_events').select(LOG_SELECT).eq('instance_id', Number(id)).order('id'),
      supabaseClient.rpc('workflow_facts', { p_instance_id: Number(id) }),
      supabaseClient.from('workflow_timers').select('state, deadline_at').eq('instance_id', Number(id)).is('cancelled_at', null).order('id', { ascending: false }).limit(1).maybeSingle(),
    ]);
    if (one.error || !one.data) {
      setFailure(one.error ? workflowError(plugin, one.error).message : translate('workflow.errors.WF007'));
      return;
    }
    const row: Instance = { ...one.data, form: jsonObject(one.data.form) };
    setInstance(row);
    setLog((events.data ?? []).map((e) => ({ ...e, payload: jsonObject(e.payload) })));
    setFacts(jsonObject(world.data));
    setDeadline(timer.data && timer.data.state === row.state && !row.done ? timer.data.deadline_at : null);
    // Handlers, the people to pick and the steps to return to, only where the version declares them.
    const declared = versionOf(plugin, row.version);
    const options = declared ? compiledOf(plugin, declared) : undefined;
    const names = !!options && (options.stateOptions.some((o) => o.assignRoles) || options.cc.length > 0);
    const returns = !!options?.stateOptions.some((o) => o.state === row.state && o.returnToAny);
    const signs = !!options?.countersign.some((c) => c.state === row.state);
    const [handling, people, targets, votes, memberships] = await Promise.all([
      names ? supabaseClient.from('workflow_assignments').select('user_id, kind, delegated_by').eq('instance_id', row.id).is('ended_at', null).order('id') : null,
      names ? supabaseClient.rpc('workflow_members', { p_instance_id: row.id }) : null,
      returns ? supabaseClient.rpc('workflow_return_targets', { p_instance_id: row.id }) : null,
      signs ? supabaseClient.rpc('workflow_countersign', { p_instance_id: row.id }) : null,
      myMemberships(),
    ]);
    setCountersign((votes?.data ?? null) as Countersign | null);
    setAssignments((handling?.data ?? []) as Assignment[]);
    setMembers(people?.data ?? []);
    setReturnTargets(targets?.data ?? []);
    setRoles(rolesWhere(memberships, row.street_id, row.community_id, row.unit_path));
    setStreetWide(memberships.some((m) => m.community_id === null && m.street_id === row.street_id));
  }, [id, plugin, translate]);
  useEffect(() => void load(), [load]);

  const version = instance ? versionOf(plugin, instance.version) : undefined;
  const actions = useMemo(
    () => (instance && version ? availableActions(plugin, version, instance.state, instance.form, roles, facts) : []),
    [instance, version, plugin, roles, facts],
  );
  const compiled = useMemo(() => (version ? compiledOf(plugin, version) : undefined), [plugin, version]);
  const diagram = useMemo(
    () => (instance && compiled ? machineDiagram(compiled, { state: (s) => stateLabel(plugin, s), event: (e) => eventLabel(plugin, e), marks: (s) => stateMarks(compiled, s) }, instance.state) : ''),
    [instance, compiled, plugin],
  );
  // A log row left the state as it was when the row before it left the same one (a note, a
  // 催办, a 转交; the database's triggers read it so too: private.wf_state_before).
  const staysIn = (index: number) => index > 0 && log[index - 1]!.to_state === log[index]!.to_state;
  // The move a deciding 会签 vote made: its words are the vote's, just above.
  const decidedByVote = (index: number) => {
    const before = log[index - 1];
    return !!before && before.event === 'countersign' && before.actor_id === log[index]!.actor_id && before.payload.event === log[index]!.event;
  };

  if (failure) return <Alert type="error" showIcon message={failure} />;
  if (!instance || !version) return <Card loading />;
  const formEditable = version.formEditable.states.includes(instance.state) && version.formEditable.roles.some((r) => roles.includes(r));
  // As urge_workflow decides: someone who acted on it before, or a street-wide role where it
  // lives; offered to those it would not remind themselves (the step's deadline's roles, or those
  // that may act in it).
  const handlerRoles =
    compiled?.deadlines.find((d) => d.state === instance.state)?.remind ??
    compiled?.transitions.filter((t) => t.from === instance.state || instance.state.startsWith(`${t.from}.`)).flatMap((t) => t.roles) ??
    [];
  // Named handlers: the step is theirs; a delegate only answers its owner.
  const owners = assignments.filter((a) => a.kind === 'owner');
  const mine = assignments.find((a) => a.user_id === me?.id);
  // 会签 with two signers or more: each approval or return is a vote; a signer who voted waits.
  const countersigning = !!countersign && countersign.signers > 1;
  const signed = countersigning && countersign.votes.some((v) => v.user_id === me?.id && v.decision);
  const signRule = compiled?.countersign.find((c) => c.state === instance.state);
  const heldBy = !me || !owners.length || mine?.kind === 'owner'
    ? null
    : signed
      ? translate('workflow.countersign.signedWaiting', { names: owners.map((o) => nameOf(members, o.user_id)).join('、') })
    : mine?.kind === 'delegate'
      ? translate('workflow.panel.delegatedToMe', { name: nameOf(members, mine.delegated_by) })
      : translate('workflow.panel.assignedToOthers', { names: owners.map((o) => nameOf(members, o.user_id)).join('、') });
  const option = compiled?.stateOptions.find((o) => o.state === instance.state);
  const actsHere = !instance.done && !heldBy && roles.some((r) => compiled?.transitions.some((t) => stateAncestors(instance.state).includes(t.from) && t.roles.includes(r)));
  const mayReturn = actsHere && !!option?.returnToAny && returnTargets.length > 0;
  // Right after a return to this step: straight back to the step that returned it.
  const lastMove = log.findLast((_, i) => !staysIn(i));
  const resumeTo = actsHere && lastMove?.event === 'return_to_step' && lastMove.to_state === instance.state ? lastMove.from_state : null;
  const delegatedByMe = assignments.find((a) => a.kind === 'delegate' && a.delegated_by === me?.id);
  const mayReassign = !instance.done && owners.length > 0 && mine?.kind !== 'owner' && roles.includes('street_office' as MemberRole);
  const mayUrge = !instance.done && !roles.some((r) => handlerRoles.includes(r)) && (streetWide || (!!me && log.some((row) => row.actor_id === me.id)));
  const overdue = !!deadline && new Date(deadline).getTime() < Date.now();
  const FormView = plugin.views?.form;

  return (
    <Show
      title={`${translate(plugin.label)} · ${instance.subject?.name ?? ''}`}
      headerButtons={() =>
        plugin.views?.print ? (
          <Button icon={<PrinterOutlined />} href={`/print/${plugin.name}/${instance.id}`} target="_blank">
            {translate('workflow.panel.print')}
          </Button>
        ) : null
      }
      recordItemId={instance.id}
    >
      <Card
        size="small"
        title={translate('workflow.panel.state')}
        style={{ marginBottom: 16 }}
        extra={
          <Space size="middle">
            {instance.done && <Typography.Text type="secondary">{translate('workflow.panel.done')}</Typography.Text>}
            <StatusTag plugin={plugin} version={version} state={instance.state} style={{ fontSize: 14, padding: '2px 10px', marginInlineEnd: 0 }} data-testid="workflow-state" />
          </Space>
        }
      >
        {compiled && (
          <WorkflowSteps
            plugin={plugin}
            version={version}
            compiled={compiled}
            state={instance.state}
            done={instance.done}
            visited={log.flatMap((row) => (row.from_state ? [row.from_state] : []))}
          />
        )}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Card
              size="small"
              title={translate('workflow.panel.actions')}
              extra={
                deadline && (
                  <Space size={6} data-testid="workflow-deadline">
                    <Typography.Text type="secondary">{translate('workflow.panel.deadline')}</Typography.Text>
                    <Typography.Text type={overdue ? 'danger' : undefined}>{formatDeadline(deadline)}</Typography.Text>
                    {overdue && <Typography.Text type="danger">{translate('workflow.panel.deadlineOverdue')}</Typography.Text>}
                  </Space>
                )
              }
            >
              {countersigning && <CountersignSummary plugin={plugin} countersign={countersign} me={me?.id} />}
              {assignments.length > 0 && !countersigning && (
                <div style={{ marginBottom: 8 }} data-testid="workflow-handlers">
                  <Typography.Text type="secondary">{translate('workflow.panel.handlers')}：</Typography.Text>
                  {owners.map((o) => {
                    const lent = assignments.find((a) => a.kind === 'delegate' && a.delegated_by === o.user_id);
                    return (
                      <Tag key={o.user_id} color={o.user_id === me?.id ? 'blue' : undefined}>
                        {nameOf(members, o.user_id)}
                        {lent ? translate('workflow.panel.delegatedTo', { name: nameOf(members, lent.user_id) }) : ''}
                      </Tag>
                    );
                  })}
                </div>
              )}
              <Space wrap>
                {actions.length === 0 && !mayUrge && !mayReturn && !resumeTo && <Typography.Text type="secondary">{translate('workflow.panel.noActions')}</Typography.Text>}
                {resumeTo && (
                  <Button type="primary" onClick={() => setResuming(true)} data-testid="resume-at-step">
                    {translate('workflow.panel.resume', { state: stateLabel(plugin, resumeTo) })}
                  </Button>
                )}
                {actions.map((a) => (
                  <ActionButton key={a.event} plugin={plugin} version={version} action={a} facts={facts} form={instance.form} heldBy={heldBy} onClick={() => setActing(a.event)} />
                ))}
                {mayReturn && (
                  <Button danger onClick={() => setReturning(true)} data-testid="return-to-step">
                    {translate('workflow.panel.returnTo')}
                  </Button>
                )}
                {mine?.kind === 'owner' && !instance.done && (
                  <>
                    <Button onClick={() => setHandover('transfer')} data-testid="transfer">{translate('workflow.panel.transfer')}</Button>
                    {!delegatedByMe && <Button onClick={() => setHandover('delegate')} data-testid="delegate">{translate('workflow.panel.delegate')}</Button>}
                    {signRule?.addSigners && <Button onClick={() => setHandover('addSigner')} data-testid="add-signer">{translate('workflow.panel.addSigner')}</Button>}
                  </>
                )}
                {mine?.kind === 'delegate' && !instance.done && (
                  <Button type="primary" onClick={() => setHandover('finish')} data-testid="finish-delegation">{translate('workflow.panel.finishDelegation')}</Button>
                )}
                {mayReassign && <Button onClick={() => setHandover('reassign')} data-testid="reassign">{translate('workflow.panel.reassign')}</Button>}
                {mayUrge && <UrgeButton plugin={plugin} instance={instance} onDone={() => void load()} />}
              </Space>
            </Card>
            {FormView ? (
              <Card size="small" title={i18n.exists(`workflows.${plugin.name}.formTitle`) ? translate(`workflows.${plugin.name}.formTitle`) : translate('workflow.panel.form')}>
                <Suspense fallback={<Card loading variant="borderless" />}>
                  <FormView plugin={plugin} instance={instance} editable={formEditable} mayAct={actsHere} facts={facts} onSaved={() => void load()} />
                </Suspense>
              </Card>
            ) : (
              <Card
                size="small"
                title={translate('workflow.panel.form')}
                extra={formEditable && <Button size="small" onClick={() => setEditing(true)}>{translate('workflow.panel.editForm')}</Button>}
              >
                {Object.keys(instance.form).length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
                ) : (
                  <SchemaView plugin={plugin} schema={version?.form} values={instance.form} column={1} fields={Object.keys(instance.form).map((key) => ({ key }))} />
                )}
                {instance.form_saved_at && (
                  <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
                    {translate('workflow.panel.savedAt', { time: formatDateTime(instance.form_saved_at) })}
                  </Typography.Text>
                )}
              </Card>
            )}
            {/* The whole machine, folded: drawn (and Mermaid loaded) only when opened. */}
            <Collapse
              size="small"
              data-testid="workflow-diagram-panel"
              items={[{
                key: 'diagram',
                label: translate('workflow.panel.diagram'),
                children: (
                  <Suspense fallback={<Card loading variant="borderless" />}>
                    <Diagram text={diagram} />
                  </Suspense>
                ),
              }]}
            />
            {/* Which version of the workflow the instance runs on, for whoever must know. */}
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="workflow-version">
              {translate('workflow.panel.version', { version: instance.version })}
            </Typography.Text>
          </Space>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={translate('workflow.panel.timeline')}>
            <Timeline
              items={log.map((row, index) => ({ row, index })).reverse().map(({ row, index }) => ({
                color: row.from_state === null ? 'gray' : 'blue',
                children: (
                  <div data-testid="workflow-log-row">
                    <Typography.Text strong>
                      {row.from_state === null
                        ? startLabel(plugin, 'log')
                        : decidedByVote(index)
                          ? translate('workflow.countersign.decided', { action: eventLabel(plugin, row.event) })
                          : loggedLabel(plugin, row)}
                    </Typography.Text>
                    <Typography.Text type="secondary">
                      {'  '}
                      {row.from_state === null
                        ? stateLabel(plugin, row.to_state)
                        : staysIn(index)
                          ? translate('workflow.panel.stay')
                          : `→ ${stateLabel(plugin, row.to_state)}`}
                    </Typography.Text>
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatDateTime(row.created_at)} · {row.actor_id === null && row.actor_roles.includes('system') ? translate('workflow.panel.bySystem') : row.actor_roles.map((r) => translate(`memberships.roles.${r}`)).join('、')}
                      </Typography.Text>
                    </div>
                    {typeof row.payload.to === 'string' && ENGINE_EVENTS.includes(row.event) && (
                      <Typography.Paragraph style={{ margin: '4px 0 0' }} data-testid="log-note-to">
                        {translate(row.event === 'add_signer' ? 'workflow.panel.logSigner' : 'workflow.panel.logTo', { name: nameOf(members, row.payload.to) })}
                      </Typography.Paragraph>
                    )}
                    {row.event === 'migrate' && (
                      <Typography.Paragraph style={{ margin: '4px 0 0' }} data-testid="log-note-migrate">
                        {translate('workflow.panel.logMigrated', { from: row.payload.from_version, to: row.payload.to_version })}
                      </Typography.Paragraph>
                    )}
                    {!decidedByVote(index) && eventNotes(plugin, row).map((note) => (
                      <Typography.Paragraph key={note.field} style={{ margin: '4px 0 0' }} data-testid={`log-note-${note.field}`}>
                        {note.field === 'comment' ? note.text : `${fieldLabel(plugin, note.field)}：${note.text}`}
                      </Typography.Paragraph>
                    ))}
                  </div>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
      {acting && compiled && (
        <ActionDialog
          plugin={plugin}
          version={version}
          compiled={compiled}
          instance={instance}
          roles={roles}
          facts={facts}
          event={acting}
          members={members}
          me={me?.id}
          countersigning={countersigning && (!!signRule && [...signRule.approve, ...signRule.reject].includes(acting))}
          onClose={() => setActing(null)}
          onDone={() => void load()}
        />
      )}
      {handover && (
        <HandoverDialog
          plugin={plugin}
          instance={instance}
          mode={handover}
          members={members}
          roles={option?.assignRoles ?? null}
          me={me?.id}
          owner={mine?.delegated_by}
          exclude={countersign?.votes.map((v) => v.user_id)}
          onClose={() => setHandover(null)}
          onDone={() => void load()}
        />
      )}
      {returning && <ReturnDialog plugin={plugin} instance={instance} targets={returnTargets} onClose={() => setReturning(false)} onDone={() => void load()} />}
      {resuming && resumeTo && <ResumeDialog plugin={plugin} instance={instance} to={resumeTo} onClose={() => setResuming(false)} onDone={() => void load()} />}
      {editing && <FormDialog plugin={plugin} version={version} instance={instance} onClose={() => setEditing(false)} onDone={() => void load()} />}
    </Show>
  );
}
