import { ThemedTitle } from '@refinedev/antd';
import { useTranslation } from '@refinedev/core';
import type { RefineLayoutThemedTitleProps } from '@refinedev/antd';

/** The product mark: a red square with 党 and the product's name. */
export function AppIcon() {
  return (
    <span
      aria-hidden
      style={{
        display: 'inline-flex', alignItems: 'center', justifyContent: 'center', width: 24, height: 24,
        borderRadius: 4, background: '#c8161d', color: '#ffd700', fontSize: 14, fontWeight: 700,
      }}
    >
      党
    </span>
  );
}

export function AppTitle(props: RefineLayoutThemedTitleProps) {
  const { translate } = useTranslation();
  return <ThemedTitle {...props} text={translate('app.name')} icon={<AppIcon />} />;
}
