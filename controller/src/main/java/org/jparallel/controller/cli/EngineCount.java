package org.jparallel.controller.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The value of {@code -n}: a number of engines, 1 or more; picocli reports anything else with the usage. */
final class EngineCount implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
        int engines;
        try {
            engines = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a number of engines");
        }
        if (engines < 1) {
            throw new TypeConversionException("needs 1 or more engines, not " + engines);
        }
        return engines;
    }
}
