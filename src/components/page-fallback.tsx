import { Spin } from 'antd';

/** What shows while a lazy page (or the layout) loads. */
export function PageFallback() {
  return <Spin style={{ display: 'block', margin: '64px auto' }} />;
}
