// The notifications feature's public face: other features send; users read theirs.
export { type NotificationItem, notificationsContract } from './notifications.contract.ts';
export { insertNotifications, type NotificationInput } from './notifications.repo.ts';
export { notificationRoutes } from './notifications.routes.ts';
