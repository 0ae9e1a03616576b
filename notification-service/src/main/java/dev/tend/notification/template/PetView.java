package dev.tend.notification.template;

import io.quarkus.qute.TemplateData;

/**
 * A pet as a template sees it. {@code {pet.female}} and {@code {pet.male}} are false when the sex is not known,
 * so "her recheck" is written only when the clinic knows it is hers.
 */
@TemplateData
public record PetView(String name, String sex, String photoUrl) {

    public boolean female() {
        return "female".equals(sex);
    }

    public boolean male() {
        return "male".equals(sex);
    }

    @Override
    public String toString() {
        return name;
    }
}
