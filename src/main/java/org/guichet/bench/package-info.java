/**
 * {@code guichet bench}: measures intake against what IMAP itself allows, on a throwaway helpdesk with an
 * embedded mail server, so that speed is measured where it is not asserted.
 */
package org.guichet.bench;
