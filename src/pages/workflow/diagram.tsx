// Mermaid, loaded only when a workflow panel draws its machine (it is large), rendering locally.
import { useTranslation } from '@refinedev/core';
import { Alert } from 'antd';
import mermaid from 'mermaid';
import { useEffect, useId, useState } from 'react';

mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'neutral', fontFamily: 'inherit' });

export default function Diagram({ text }: { text: string }) {
  const { translate } = useTranslation();
  const id = `diagram-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const [svg, setSvg] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    mermaid.render(id, text).then(
      (result) => live && setSvg(result.svg),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [id, text]);
  if (failed) return <Alert type="warning" message={translate('workflow.panel.diagramFailed')} />;
  // Mermaid's own output, sanitised by it (securityLevel strict).
  return <div data-testid="workflow-diagram" style={{ overflowX: 'auto' }} dangerouslySetInnerHTML={{ __html: svg ?? '' }} />;
}
