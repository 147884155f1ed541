// A score as the user types it: kept exactly as typed (no silent rounding or clamping to the
// item's points), checked on every keystroke against what the database accepts (a number, not
// below 0, at most the item's points, one decimal), the rule it breaks said under it in words,
// and saved on leaving the field only when it keeps them all.
import { useTranslation } from '@refinedev/core';
import { Input } from 'antd';
import { useState } from 'react';
import { formatScore } from '@/plugin-api';

/** The rule a typed score breaks, as an i18n key of scoring.scoreRules; null when it is a valid score or empty. */
export function scoreProblem(text: string, points: number): { rule: 'number' | 'min' | 'max' | 'decimals' } | null {
  const typed = text.trim();
  if (typed === '') return null;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(typed)) return { rule: 'number' };
  const value = Number(typed);
  if (value < 0) return { rule: 'min' };
  if (value > points) return { rule: 'max' };
  if (!/^[-+]?\d*(\.\d?)?$/.test(typed)) return { rule: 'decimals' };
  return null;
}

export function ScoreInput({ points, initial, who, label, width = 72, onSave }: {
  points: number;
  initial: number | undefined;
  /** Whose score: 'self' (自评分) or 'score' (评分), as the message names it. */
  who: 'self' | 'score';
  label: string;
  width?: number;
  onSave: (score: number | null) => void;
}) {
  const { translate: t } = useTranslation();
  const [text, setText] = useState(initial === undefined ? '' : formatScore(initial, ''));
  const problem = scoreProblem(text, points);
  const error = problem && t(`scoring.scoreRules.${problem.rule}`, { who: t(`scoring.scoreRules.${who}`), max: String(points) });
  return (
    <div>
      <Input
        size="small"
        inputMode="decimal"
        value={text}
        status={error ? 'error' : undefined}
        aria-label={label}
        aria-invalid={!!error}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => !problem && onSave(text.trim() === '' ? null : Number(text))}
        style={{ width }}
      />
      {error && (
        <div className="ant-form-item-explain-error" role="alert" style={{ color: '#ff4d4f', fontSize: 12, lineHeight: 1.4, marginTop: 2 }} data-testid="score-error">
          {error}
        </div>
      )}
    </div>
  );
}
