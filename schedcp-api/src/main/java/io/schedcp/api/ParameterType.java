package io.schedcp.api;

/** The kind of value a scheduler flag takes. */
public enum ParameterType {
    /** A flag with no value: present or absent. */
    SWITCH,
    /** A whole number. */
    INTEGER,
    /** A decimal number. */
    DECIMAL,
    /** Free text, such as a path, a CPU list or a file name. */
    TEXT,
    /** One of a fixed set of words, listed in {@link TuningParameter#choices()}. */
    CHOICE
}
