// antd 5 reads React 18's render API for its static message/modal/notification; React 19 needs this patch.
import '@ant-design/v5-patch-for-react-19';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/i18n';
import App, { firstScreenReady } from './App';

void firstScreenReady().then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
