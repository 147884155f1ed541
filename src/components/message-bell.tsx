// The header's bell: how many of my messages (src/pages/messages) are unread, read again every
// 30 seconds, when the window gets the focus back, and when the 消息中心 marks some read. A
// count is one request for no rows, answered from an index; the local stack has no Realtime server and
// the build leaves Realtime out (vite.config.ts), so the bell polls.
import { BellOutlined } from '@ant-design/icons';
import { useTranslation } from '@refinedev/core';
import { Badge, Button } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { supabaseClient } from '@/providers/supabase-client';

const POLL_MS = 30_000;
const CHANGED = 'qt:messages-changed';

/** Tells the bell that messages were read or unread here. */
export const messagesChanged = () => window.dispatchEvent(new Event(CHANGED));

export function useUnreadCount(): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    let live = true;
    const read = async () => {
      // No rows, only the count (limit 0: a GET the screens' HEAD-free request habits allow).
      const { count: unread, error } = await supabaseClient.from('workflow_messages').select('id', { count: 'exact' }).is('read_at', null).limit(0);
      if (live && !error) setCount(unread ?? 0);
    };
    void read();
    const timer = window.setInterval(() => document.visibilityState === 'visible' && void read(), POLL_MS);
    const onFocus = () => void read();
    window.addEventListener('focus', onFocus);
    window.addEventListener(CHANGED, onFocus);
    return () => {
      live = false;
      window.clearInterval(timer);
      window.removeEventListener('focus', onFocus);
      window.removeEventListener(CHANGED, onFocus);
    };
  }, []);
  return count;
}

export function MessageBell() {
  const { translate } = useTranslation();
  const navigate = useNavigate();
  const count = useUnreadCount();
  return (
    <Badge count={count} size="small" overflowCount={99} data-testid="message-bell-count">
      <Button type="text" size="small" icon={<BellOutlined style={{ fontSize: 16 }} />} aria-label={translate('messages.bell', { count })} onClick={() => navigate('/messages')} data-testid="message-bell" />
    </Badge>
  );
}
