import { ThemedTitle, type RefineLayoutThemedTitleProps } from '@refinedev/antd';
import { useTranslation } from '@refinedev/core';
import { AppIcon } from './app-icon';

export function AppTitle(props: RefineLayoutThemedTitleProps) {
  const { translate } = useTranslation();
  return <ThemedTitle {...props} text={translate('app.name')} icon={<AppIcon />} />;
}
