package org.jparallel.magics.px;

import org.jparallel.client.Targets;
import org.jparallel.magic.MagicUsageException;

/**
 * Parses the options of a {@code %px} line; what follows the last option is the code
 * ({@code %px -t 1,2 System.out.println(1);}).
 *
 * <pre>{@code
 * PxArguments parsed = PxArguments.parse("-a -t ::2 x++;", PxOptions.defaults());
 * parsed.options().block()   // false
 * parsed.code()              // "x++;"
 * }</pre>
 *
 * @param options the options in force for this run
 * @param code    the rest of the line after the options, possibly empty
 */
public record PxArguments(PxOptions options, String code) {

    /** The option lines of the usage texts of the {@code %px} family, shared so they cannot drift. */
    public static final String OPTIONS_USAGE = """
                -t, --targets T        engines: all (default), an id (2), a list (1,2 or [0,3]), a slice (::2, 1:3)
                -b, --block            wait for the engines and show their output (default)
                -a, --noblock          return an AsyncResult at once (it becomes _); see %pxresult
                --stream / --no-stream print output as it arrives (default) or at the end
                --group-outputs G      order outputs by type (default), engine or order, all at the end
                                       (so without streaming, unless --stream is given too)
                -e                     same as --group-outputs engine
                -r                     same as --group-outputs order
                -o, --out NAME         also store the AsyncResult in the variable NAME
                --local                run the code in this kernel too
                --verbose / --no-verbose  print the engines it runs on, or not (default; %pxconfig sets it)
                --progress-after S     show a progress bar for runs longer than S seconds (default 2)
                --                     the end of the options: what follows is code, even -k + 5"""
            .indent(4).stripTrailing();

    public static PxArguments parse(String line, PxOptions defaults) throws MagicUsageException {
        PxOptions options = defaults;
        Cursor cursor = new Cursor(line);
        boolean grouped = false;
        boolean streamed = false;
        while (cursor.atOption()) {
            String option = cursor.word();
            if (option.equals("--")) {
                break; // what follows is code, even if it starts with a dash: %px -- -k + 5
            }
            grouped |= option.equals("--group-outputs") || option.equals("-e") || option.equals("-r");
            streamed |= option.equals("--stream") || option.equals("--no-stream");
            switch (option) {
                case "-t", "--targets" -> options = options.withTargets(targets(cursor.value(option)));
                case "-b", "--block" -> options = options.withBlock(true);
                case "-a", "--noblock" -> options = options.withBlock(false);
                case "--stream" -> options = options.withStream(true);
                case "--no-stream" -> options = options.withStream(false);
                case "--group-outputs" -> options = options.withGrouping(OutputGrouping.parse(cursor.value(option)));
                case "-e" -> options = options.withGrouping(OutputGrouping.ENGINE);
                case "-r" -> options = options.withGrouping(OutputGrouping.ORDER);
                case "-o", "--out" -> options = options.withOut(identifier(cursor.value(option)));
                case "--local" -> options = options.withLocal(true);
                case "--verbose" -> options = options.withVerbose(true);
                case "--no-verbose" -> options = options.withVerbose(false);
                case "--progress-after" -> options = options.withProgressAfter(seconds(cursor.value(option)));
                default -> throw new MagicUsageException("unknown option " + option);
            }
        }
        if (grouped && !streamed) {
            options = options.withStream(false); // streamed output comes as it arrives, which no grouping can order
        }
        String rest = cursor.rest();
        // a comment after the options is no code: %%px -t 1,2   // two engines
        return new PxArguments(options, rest.startsWith("//") ? "" : rest);
    }

    private static Targets targets(String text) throws MagicUsageException {
        try {
            return Targets.parse(text);
        } catch (IllegalArgumentException e) {
            throw new MagicUsageException(e.getMessage());
        }
    }

    private static String identifier(String name) throws MagicUsageException {
        if (name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0))
                || !name.chars().allMatch(Character::isJavaIdentifierPart) || name.equals("_")) {
            throw new MagicUsageException("--out needs a Java variable name, not '" + name + "'");
        }
        return name;
    }

    private static double seconds(String text) throws MagicUsageException {
        try {
            double seconds = Double.parseDouble(text);
            if (seconds < 0) {
                throw new NumberFormatException();
            }
            return seconds;
        } catch (NumberFormatException e) {
            throw new MagicUsageException("--progress-after needs seconds (e.g. 2 or 0.5), not '" + text + "'");
        }
    }

    /** Walks the line word by word; {@code --opt=value} and {@code --opt value} both work. */
    private static final class Cursor {
        private final String line;
        private int position;
        private String inlineValue;

        Cursor(String line) {
            this.line = line;
            skipSpaces();
        }

        boolean atOption() {
            // "-1" or "--x" followed by code would be ambiguous; options start with a dash and a letter.
            return position + 1 < line.length() && line.charAt(position) == '-'
                    && (Character.isLetter(line.charAt(position + 1)) || line.charAt(position + 1) == '-');
        }

        String word() {
            int end = position;
            while (end < line.length() && !Character.isWhitespace(line.charAt(end))) {
                end++;
            }
            String word = line.substring(position, end);
            position = end;
            skipSpaces();
            int equals = word.indexOf('=');
            inlineValue = word.startsWith("--") && equals > 0 ? word.substring(equals + 1) : null;
            if (inlineValue == null && word.length() > 2 && (word.startsWith("-t") || word.startsWith("-o"))) {
                inlineValue = word.substring(2); // a short option's value written on to it, as argparse takes: -t0
                return word.substring(0, 2);
            }
            return inlineValue == null ? word : word.substring(0, equals);
        }

        String value(String option) throws MagicUsageException {
            if (inlineValue != null) {
                return inlineValue;
            }
            if (position >= line.length()) {
                throw new MagicUsageException(option + " needs a value");
            }
            char first = line.charAt(position);
            if (first == '"' || first == '\'') { // -t "[0, 3]": the quotes keep its spaces
                int close = line.indexOf(first, position + 1);
                if (close < 0) {
                    throw new MagicUsageException("the value of " + option + " opens a quote (" + first
                            + ") that is not closed");
                }
                String quoted = line.substring(position + 1, close);
                position = close + 1;
                skipSpaces();
                return quoted;
            }
            String saved = inlineValue;
            String value = word();
            inlineValue = saved;
            return value;
        }

        String rest() {
            return line.substring(position).strip();
        }

        private void skipSpaces() {
            while (position < line.length() && Character.isWhitespace(line.charAt(position))) {
                position++;
            }
        }
    }
}
