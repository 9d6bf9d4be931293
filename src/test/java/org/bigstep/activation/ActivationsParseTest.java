package org.bigstep.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ActivationsParseTest {

    @ParameterizedTest
    @ValueSource(strings = {"softplus", "leaky-softplus", "gelu", "gelu-tanh", "silu", "huber-relu", "huber-relu:h=0.5",
        "sigmoid", "relu", "leaky:c=0.6,base=gelu", "leaky", "leaky:c=0.75,base=huber-relu:h=2", " SoftPlus ",
        "leaky:base=silu,c=0.9"})
    void nameRoundTrips(String spec) {
        Activation a = Activations.parse(spec);
        Activation again = Activations.parse(a.name());
        assertEquals(a, again);
        assertEquals(a.name(), again.name());
        assertEquals(a.kind(), again.kind());
        assertEquals(a.hashCode(), again.hashCode());
        for (double z = -5; z <= 5; z += 0.37) {
            assertEquals(a.value(z), again.value(z), 0.0, spec + " at " + z);
            assertEquals(a.derivative(z), again.derivative(z), 0.0, spec + " at " + z);
        }
    }

    @Test
    void everyListedNameParses() {
        for (String name : Activations.NAMES) {
            assertEquals(name, Activations.parse(name).name().split(":")[0]);
        }
    }

    @Test
    void parametersAndBases() {
        Activation h = Activations.parse("huber-relu:h=0.5");
        assertEquals(Activation.Kind.HUBER_RELU, h.kind());
        assertEquals(0.5, h.parameter());
        assertEquals(1.0, Activations.parse("huber-relu").parameter());
        Activation l = Activations.parse("leaky:c=0.6,base=gelu");
        assertEquals(Activation.Kind.LEAKY, l.kind());
        assertEquals(0.6, l.parameter());
        assertEquals(Activations.parse("gelu"), l.base());
        assertEquals(0.5, Activations.parse("leaky").parameter());
        assertEquals(Activations.parse("softplus"), Activations.parse("leaky").base());
        assertTrue(Double.isNaN(Activations.parse("silu").parameter()));
        assertNull(Activations.parse("silu").base());
        // Example 3.1: c z + ((1 - c)/4) phi(z)
        assertEquals(0.6 * 1.3 + 0.1 * Activations.parse("gelu").value(1.3), l.value(1.3), 1e-15);
        assertEquals(0.5 * (2 + Math.log1p(Math.exp(2))), Activations.parse("leaky-softplus").value(2), 1e-15);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "tanh                      | expected one of",
        "''                        | expected one of",
        "softplus:h=1              | takes no parameters",
        "huber-relu:k=1            | parameters [h]",
        "huber-relu:h=0            | expected h > 0",
        "huber-relu:h=-1           | expected h > 0",
        "huber-relu:h=NaN          | expected h > 0",
        "huber-relu:h=Infinity     | expected h > 0",
        "huber-relu:h=abc          | expected a number for h",
        "huber-relu:h              | expected key=value",
        "leaky:c=0.4               | expected 0.5 <= c < 1",
        "leaky:c=1                 | expected 0.5 <= c < 1",
        "leaky:c=NaN               | expected 0.5 <= c < 1",
        "leaky:c=0.6,base=leaky    | must not itself be leaky",
        "leaky:c=0.6,base=nope     | expected one of",
        "leaky:c=0.6,slope=2       | parameters [c, base]",
    })
    void badSpecsAreRejectedSayingWhatWasExpected(String spec, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Activations.parse(spec));
        assertTrue(e.getMessage().contains(expected.trim()), "message for '" + spec + "' should say '" + expected.trim() + "': " + e.getMessage());
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Activations.parse("swish"));
        for (String name : Activations.NAMES) {
            assertTrue(e.getMessage().contains(name), e.getMessage());
        }
        assertTrue(e.getMessage().contains("swish"), e.getMessage());
    }
}
