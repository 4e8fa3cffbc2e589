package org.jparallel.magic.builtin;

import java.util.List;
import java.util.Set;
import org.jparallel.display.MimeType;
import org.jparallel.magic.Magic;
import org.jparallel.magic.MagicCall;
import org.jparallel.magic.MagicContext;
import org.jparallel.magic.MagicKind;
import org.jparallel.magic.MagicUsageException;
import org.jparallel.repl.CellOutcome;

/**
 * IPython's {@code %%html}, {@code %%markdown}, {@code %%latex}, {@code %%svg} and {@code %%javascript}
 * ({@code %%js}): the cell's text, shown as that type, not run.
 *
 * <pre>{@code
 * %%html
 * <b>bold</b> and <i>italic</i>
 * }</pre>
 */
public final class MimeCellMagic implements Magic {
    private final String name;
    private final String mimeType;
    private final String what;

    private MimeCellMagic(String name, String mimeType, String what) {
        this.name = name;
        this.mimeType = mimeType;
        this.what = what;
    }

    /** One magic per type. */
    public static List<MimeCellMagic> all() {
        return List.of(new MimeCellMagic("html", MimeType.TEXT_HTML, "HTML"),
                new MimeCellMagic("markdown", MimeType.TEXT_MARKDOWN, "Markdown"),
                new MimeCellMagic("latex", MimeType.TEXT_LATEX, "LaTeX"),
                new MimeCellMagic("svg", MimeType.IMAGE_SVG, "SVG"),
                new MimeCellMagic("javascript", "application/javascript", "JavaScript, run by the front end"),
                new MimeCellMagic("js", "application/javascript", "JavaScript, run by the front end (%%javascript)"));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<MagicKind> kinds() {
        return Set.of(MagicKind.CELL);
    }

    @Override
    public String usage() {
        return "%%" + name + "\nTEXT...\n    Show the cell's text as " + what + " (" + mimeType + ").";
    }

    @Override
    public CellOutcome run(MagicCall call, MagicContext context) throws MagicUsageException {
        if (!call.arguments().isBlank()) {
            throw new MagicUsageException("%%" + name + " takes no arguments: the cell's text is what it shows");
        }
        context.display().display(mimeType, call.body());
        return CellOutcome.nothing();
    }
}
