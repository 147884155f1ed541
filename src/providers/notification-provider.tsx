// Refine's notifications in antd's notification, as @refinedev/antd's useNotificationProvider
// shows them, written here so the first screen does not load @refinedev/antd (src/App.tsx).
import type { NotificationProvider } from '@refinedev/core';
import { App, notification as staticNotification } from 'antd';
import { lazy, Suspense } from 'react';

// An undoable mutation's countdown (a circle and an undo button): loaded when one is shown.
const UndoableNotification = lazy(() => import('./undoable-notification'));

export function useNotificationProvider(): NotificationProvider {
  const { notification: fromContext } = App.useApp();
  const notification = 'open' in fromContext ? fromContext : staticNotification;
  return {
    open: ({ key, message, description, type, cancelMutation, undoableTimeout }) => {
      if (type === 'progress') {
        notification.open({
          key,
          description: (
            <Suspense>
              <UndoableNotification
                message={message}
                cancelMutation={() => {
                  cancelMutation?.();
                  notification.destroy(key ?? '');
                }}
                undoableTimeout={undoableTimeout}
              />
            </Suspense>
          ),
          message: null,
          duration: 0,
          closeIcon: <></>,
        });
      } else {
        notification.open({ key, description: message, message: description ?? null, type });
      }
    },
    close: (key) => notification.destroy(key),
  };
}
