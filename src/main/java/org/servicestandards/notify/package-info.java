/**
 * Webhooks: who subscribes to what, the events an outcome change raises and their payload, the
 * outbox they wait in, and the dispatcher that delivers them. A target is public unless the
 * operator allows it ({@link org.servicestandards.notify.WebhookTargets}); its name is resolved
 * and every address checked at registration and again at each delivery, and the delivery
 * connects to exactly the addresses that were checked
 * ({@link org.servicestandards.notify.PinnedHttpClient}), following no redirect.
 */
package org.servicestandards.notify;

