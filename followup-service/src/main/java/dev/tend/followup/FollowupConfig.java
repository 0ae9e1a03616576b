package dev.tend.followup;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

@ConfigMapping(prefix = "tend.followup")
public interface FollowupConfig {

    /** How soon after a visit its thank-you message goes out (the default playbook's thank-you step reads it). */
    @WithDefault("PT2H")
    Duration visitThankYouDelay();

    /** Days a postcard takes from the print folder to the letterbox: postcard steps fire this much earlier. */
    @WithDefault("3")
    int mailingLeadDays();

    /** Days after a pet's death in which its household gets no feedback requests, birthday cards or relationship calls. */
    @WithDefault("30")
    int bereavementDays();

    QuietHours quietHours();

    Clinic clinic();

    Household household();

    FeedbackLoop feedback();

    Replies replies();

    Planner planner();

    Scheduler scheduler();

    /** No SMS or email reaches a recipient between {@code start} and {@code end}, their local time. */
    interface QuietHours {
        @WithDefault("20:00")
        LocalTime start();

        @WithDefault("08:00")
        LocalTime end();
    }

    /** When staff make calls: business hours on business days, in the clinic's own zone, holidays excepted. */
    interface Clinic {
        @WithDefault("Europe/London")
        String timezone();

        @WithDefault("08:30")
        LocalTime opens();

        @WithDefault("17:30")
        LocalTime closes();

        @WithDefault("MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY")
        Set<DayOfWeek> businessDays();

        Optional<List<LocalDate>> holidays();

        /** Who gets a call that its playbook step does not assign. */
        @WithDefault("front-desk")
        String defaultTeam();
    }

    interface Household {
        /** At most one postcard per household in this many days; cards for several pets merge onto one. */
        @WithDefault("14")
        int postcardPeriodDays();

        /** Relationship, feedback and birthday touches a household gets at most in any 7 days. */
        @WithDefault("3")
        int maxTouchesPerWeek();
    }

    interface FeedbackLoop {
        /** A rating (1 to 5) at or below this one is a complaint that staff resolve and reach back out on. */
        @WithDefault("2")
        int negativeAtMost();

        /** Days after a complaint is resolved that staff call to confirm it stays resolved. */
        @WithDefault("7")
        int confirmationDelayDays();
    }

    /** What customers write to the clinic (tend.customer.messages): who reads it, and what makes it urgent. */
    interface Replies {
        /** The team whose worklist a customer's reply goes on; unset, the clinic's default team. */
        Optional<String> team();

        /**
         * Words or phrases that make a reply urgent (first on the worklist), matched as whole words, ignoring case
         * and accents; English, Portuguese and Spanish by default.
         */
        @WithDefault("bleeding,bleeds,blood everywhere,collapsed,collapse,seizure,seizures,fitting,not breathing,"
                + "can't breathe,cannot breathe,stopped breathing,poisoned,poison,choking,unconscious,hit by a car,emergency,"
                + "sangrando,sangrar,sangra,hemorragia,desmaiou,colapsou,convulsao,convulsoes,convulsiona,nao respira,"
                + "nao consegue respirar,envenenado,envenenada,veneno,engasgado,engasgada,inconsciente,atropelado,atropelada,"
                + "emergencia,urgente,"
                + "sangrado,sangre,se desmayo,colapso,convulsion,convulsiones,no respira,no puede respirar,envenenamiento,"
                + "atragantado,atragantada,atropellado,atropellada")
        List<String> urgentWords();
    }

    /** The periodic pass that plans birthday cards and relationship calls. */
    interface Planner {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("PT1H")
        Duration interval();

        /** Birthdays this many days ahead are planned (enough for the mailing lead time). */
        @WithDefault("30")
        int birthdayHorizonDays();
    }

    interface Scheduler {

        /** Off only in tests that drive firing themselves. */
        @WithDefault("true")
        boolean enabled();

        /** How often an idle instance looks for due tasks. */
        @WithDefault("500ms")
        Duration pollInterval();

        /** Tasks claimed (and fired) per transaction. */
        @WithDefault("200")
        int batchSize();

        /** Claiming loops per instance; each claims its own batch, so they overlap database waits. */
        @WithDefault("2")
        int threads();
    }
}
