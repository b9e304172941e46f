package io.zoomdex.simulator;

import java.util.List;
import java.util.SplittableRandom;

/** Plausible business words for names, topics, agendas, summaries and transcripts. */
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
  static final List<String> SUBJECTS =
      List.of(
          "Q3 roadmap review",
          "Security incident postmortem",
          "Quarterly business review",
          "Customer onboarding sync",
          "Pricing strategy workshop",
          "Hiring plan for the platform team",
          "Data retention policy update",
          "Sales pipeline forecast",
          "Cloud cost optimisation",
          "Release readiness check",
          "Design critique: mobile checkout",
          "Board meeting preparation",
          "Vendor contract renewal",
          "Incident response tabletop exercise",
          "Marketing campaign kickoff",
          "API deprecation planning",
          "Annual budget planning",
          "Partner integration status",
          "Compliance audit findings",
          "Support escalation review",
          "Engineering all-hands",
          "Accessibility improvements",
          "Data warehouse migration",
          "Customer churn analysis",
          "Product launch retrospective",
          "Office relocation planning",
          "Performance review calibration",
          "Search relevance tuning",
          "Mobile app crash triage",
          "GDPR data subject requests");
  static final List<String> AGENDA_SENTENCES =
      List.of(
          "Review the open action items from last time and confirm owners.",
          "Walk through the latest metrics dashboard and discuss the variance against plan.",
          "Agree on the top three priorities for the next sprint.",
          "Identify risks, dependencies and the mitigation plan for each.",
          "Discuss feedback gathered from customers and the support team.",
          "Decide whether to move the launch date or cut scope.",
          "Review the budget impact and the hiring requests still pending approval.",
          "Go through the timeline of the incident and the contributing factors.",
          "Collect questions from the wider team before the announcement.",
          "Confirm the communication plan for partners and stakeholders.");
  static final List<String> SPOKEN_LINES =
      List.of(
          "Thanks everyone for joining, let's get started.",
          "The numbers for last month came in slightly above forecast.",
          "I think the main risk is the dependency on the payments team.",
          "Can we get a firm date from legal on the contract review?",
          "We saw a spike in latency right after the deployment.",
          "Let's capture that as an action item for next week.",
          "The customer asked specifically about data residency in Europe.",
          "I'll share the slides in the channel after the call.",
          "We should revisit the retention policy before the audit.",
          "Does anyone have concerns about the proposed timeline?",
          "The migration is about seventy percent complete.",
          "Let's make sure support is briefed before the launch.");
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

  static <T> T pick(SplittableRandom random, List<T> words) {
    return words.get(random.nextInt(words.size()));
  }
}
