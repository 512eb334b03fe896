package io.schedcp.cli;

import java.io.Console;

/** Whether schedcp runs on a terminal, the same answer on every JDK from 17 on. */
final class Terminal {

    private Terminal() {}

    /**
     * {@code System.console()} exists only on a terminal before JDK 22 and again from JDK 25; JDK 22 to 24 give
     * one even when stdout is a pipe, and {@code Console.isTerminal()} (JDK 22, so looked up by name) tells.
     */
    @SuppressWarnings("SystemConsoleNull") // null is the answer before JDK 22; isTerminal() is asked after
    static boolean attached() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
