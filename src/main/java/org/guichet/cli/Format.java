package org.guichet.cli;

/** Output formats of the listing commands. */
enum Format {
    table, json, csv, text
}
