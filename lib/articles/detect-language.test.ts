import { describe, expect, it } from "vitest";
import { detectLanguage } from "@/lib/articles/detect-language";

describe("detecting an article's language", () => {
  it("tells common newsroom languages apart", () => {
    expect(detectLanguage("The government said on Tuesday that unemployment fell to its lowest level in a decade, according to new figures.")).toBe("en");
    expect(detectLanguage("Le gouvernement a annoncé mardi que le chômage était tombé à son plus bas niveau depuis dix ans, selon les chiffres.")).toBe("fr");
    expect(detectLanguage("Die Regierung teilte am Dienstag mit, dass die Arbeitslosigkeit auf den niedrigsten Stand seit zehn Jahren gefallen sei.")).toBe("de");
    expect(detectLanguage("El gobierno anunció el martes que el desempleo cayó a su nivel más bajo en una década, según las nuevas cifras.")).toBe("es");
  });

  it("falls back to English for text too short to tell", () => {
    expect(detectLanguage("Oslo, 2023.")).toBe("en");
  });
});
