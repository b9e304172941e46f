package io.zoomdex.simulator;

import java.util.List;
import java.util.SplittableRandom;

/** Names, departments, time zones, webinar subjects and Q&A of generated accounts. */
final class Vocabulary {
  static final List<String> FIRST_NAMES =
      List.of(
          "Alice", "Bruno", "Chloe", "Dmitri", "Elena", "Farah", "Gustav", "Hana", "Ivan", "Julia",
          "Kenji", "Laura", "Mateo", "Nadia", "Oscar", "Priya", "Quentin", "Rosa", "Samuel", "Tara",
          "Umar", "Vera", "Wei", "Ximena", "Yusuf", "Zoe", "Amara", "Bjorn", "Carmen", "Diego",
          "Emeka", "Freya", "Hugo", "Ingrid", "Jamal", "Keiko", "Leon", "Mira", "Nils", "Olivia");
  static final List<String> LAST_NAMES =
      List.of(
          "Smith",
          "Garcia",
          "Muller",
          "Rossi",
          "Tanaka",
          "Kowalski",
          "Okafor",
          "Nguyen",
          "Silva",
          "Johansson",
          "Haddad",
          "Patel",
          "Dubois",
          "Kim",
          "Novak",
          "Fischer",
          "Moreau",
          "Costa",
          "Yilmaz",
          "Larsen",
          "Ahmed",
          "Lopez",
          "Berg",
          "Schmidt",
          "Ivanova",
          "Chen",
          "Murphy",
          "Santos",
          "Weber",
          "Andersen");
  static final List<String> DEPARTMENTS =
      List.of("Engineering", "Sales", "Marketing", "Finance", "Legal", "Support", "Product", "HR");
  static final List<String> TIMEZONES =
      List.of(
          "America/New_York",
          "America/Los_Angeles",
          "Europe/London",
          "Europe/Berlin",
          "Asia/Tokyo",
          "Asia/Kolkata",
          "Australia/Sydney");
  static final List<String> EXTERNAL_DOMAINS =
      List.of("partner-corp.example", "globex.example", "initech.example", "umbrella.example");
  static final List<String> GUEST_NAMES =
      List.of("iPhone", "Guest", "Conference Room B", "Galaxy S23", "Call-in User");

  /**
   * Customer-facing webinars (the internal meetings come from the hand-written corpus, see {@link
   * CorpusContent}).
   */
  static final List<Webinar> WEBINARS =
      List.of(
          new Webinar(
              "Webinar: Automating purchase approvals end to end",
              "A customer walks through how their procurement team cut approval time from five"
                  + " days to one. We build the approval workflow live and answer questions at the"
                  + " end."),
          new Webinar(
              "Webinar: What's new this quarter",
              "A tour of the audit log export, SAML single sign-on with SCIM provisioning and the"
                  + " templates gallery. Bring your questions for the product team."),
          new Webinar(
              "Webinar: Month-end close for finance teams",
              "How finance teams automate accrual reminders, bank reconciliation hand-offs and"
                  + " sign-off checklists. Includes a sample close calendar to copy."),
          new Webinar(
              "Webinar: Vendor onboarding without spreadsheets",
              "Collect tax forms, bank details and security questionnaires in one flow, with a"
                  + " verification call step before any bank detail is accepted."),
          new Webinar(
              "Webinar: Admin essentials for IT teams",
              "Setting up single sign-on, provisioning users, reviewing access every quarter and"
                  + " exporting audit events to your monitoring tool."),
          new Webinar(
              "Webinar: Building on the public API",
              "Authentication, pagination, rate limits and retries with backoff, and how to"
                  + " migrate from the v1 billing endpoints to v2 before they are retired."),
          new Webinar(
              "Webinar: IT access requests on autopilot",
              "Route access requests to the right approver, provision accounts automatically and"
                  + " remove access when someone changes role or leaves."),
          new Webinar(
              "Webinar: Customer onboarding playbooks that stick",
              "Our customer success team shares the 90-day onboarding plan, the health signals we"
                  + " watch and the check-ins that keep new customers active."));

  static final List<String> QUESTIONS =
      List.of(
          "Will the recording be shared afterwards?",
          "How does this affect the Q4 targets?",
          "Who owns the follow-up with the vendor?",
          "Is the new policy effective immediately?",
          "Can you repeat the key dates?",
          "What is the budget for this initiative?");
  static final List<String> ANSWERS =
      List.of(
          "Yes, the recording will be posted within a day.",
          "We expect a small impact, details will follow by email.",
          "The procurement team owns it.",
          "It takes effect on the first of next month.");

  private Vocabulary() {}

  /**
   * A webinar subject.
   *
   * @param topic its topic
   * @param agenda its agenda
   */
  record Webinar(String topic, String agenda) {}

  static <T> T pick(SplittableRandom random, List<T> words) {
    return words.get(random.nextInt(words.size()));
  }
}
