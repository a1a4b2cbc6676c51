/**
 * Where webhooks may post, and posting there: a target is public unless the operator allows it
 * ({@link org.servicestandards.notify.WebhookTargets}); its name is resolved and every address
 * checked at registration and again at each delivery, and the delivery connects to exactly the
 * addresses that were checked ({@link org.servicestandards.notify.PinnedHttpClient}), following no
 * redirect. No knowledge of the store, the rules or HTTP serving.
 */
package org.servicestandards.notify;
