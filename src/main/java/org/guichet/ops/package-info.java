/** What an administrator runs beside the mail's path: backup and restore, retention, exports, health and metrics. */
package org.guichet.ops;
