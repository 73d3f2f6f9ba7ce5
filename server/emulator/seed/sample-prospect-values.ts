import type { Faker } from "@faker-js/faker";

/** Titles by department, most senior first; a title's position gives its seniority. */
const TITLES: Record<string, string[]> = {
  Sales: [
    "Chief Revenue Officer",
    "VP of Sales",
    "Director of Sales",
    "Sales Manager",
    "Senior Account Executive",
    "Account Executive",
  ],
  Marketing: [
    "Chief Marketing Officer",
    "VP of Marketing",
    "Director of Demand Generation",
    "Marketing Manager",
    "Senior Product Marketing Manager",
    "Marketing Specialist",
  ],
  Engineering: [
    "Chief Technology Officer",
    "VP of Engineering",
    "Director of Engineering",
    "Engineering Manager",
    "Senior Software Engineer",
    "Software Engineer",
  ],
  Finance: [
    "Chief Financial Officer",
    "VP of Finance",
    "Finance Director",
    "Finance Manager",
    "Senior Financial Analyst",
    "Financial Analyst",
  ],
  Operations: [
    "Chief Operating Officer",
    "VP of Operations",
    "Director of Operations",
    "Operations Manager",
    "Senior Operations Analyst",
    "Operations Analyst",
  ],
  "Human Resources": [
    "Chief People Officer",
    "VP of People",
    "Director of Talent Acquisition",
    "HR Manager",
    "Senior Recruiter",
    "Recruiter",
  ],
  "Customer Success": [
    "Chief Customer Officer",
    "VP of Customer Success",
    "Director of Customer Success",
    "Customer Success Manager",
    "Senior Support Engineer",
    "Support Specialist",
  ],
  IT: [
    "Chief Information Officer",
    "VP of IT",
    "Director of IT",
    "IT Manager",
    "Senior Systems Administrator",
    "Systems Administrator",
  ],
};
const LEVELS = ["C-Level", "VP", "Director", "Manager", "Senior", "Individual Contributor"];
const LEVEL_WEIGHTS = [1, 2, 3, 5, 5, 6];

export type TTitle = { title: string; seniority: string; department: string };

export function drawTitle(f: Faker): TTitle {
  const department = f.helpers.objectKey(TITLES);
  const level = f.helpers.weightedArrayElement(
    LEVELS.map((value, index) => ({ value: index, weight: LEVEL_WEIGHTS[index]! })),
  );
  return { title: TITLES[department]![level]!, seniority: LEVELS[level]!, department };
}

/** Job areas of the demo org's titles ("Regional Quality Manager") and the department each means. */
const DEPARTMENT_BY_AREA: Array<[RegExp, string]> = [
  [/\b(Marketing|Brand|Branding|Creative|Communications|Identity)\b/, "Marketing"],
  [/\b(Accounts|Markets|Tactics|Interactions)\b/, "Sales"],
  [/\b(Security|Infrastructure|Web|Mobility|Data|Applications|Integration|Intranet|Configuration)\b/, "IT"],
  [/\b(Usability|Functionality|Implementation|Solutions|Paradigm)\b/, "Engineering"],
  [/\b(Metrics|Factors|Optimization|Research)\b/, "Finance"],
  [/\b(Response|Assurance|Quality)\b/, "Customer Success"],
];

/** The seniority and department a title suggests, for titles written elsewhere. */
export function describeTitle(title: string): TTitle {
  const seniority = /\bChief\b/.test(title)
    ? "C-Level"
    : /\b(VP|Vice President)\b/.test(title)
      ? "VP"
      : /\b(Director|Head)\b/.test(title)
        ? "Director"
        : /\b(Manager|Supervisor|Lead)\b/.test(title)
          ? "Manager"
          : /\b(Senior|Principal)\b/.test(title)
            ? "Senior"
            : "Individual Contributor";
  const department = DEPARTMENT_BY_AREA.find(([pattern]) => pattern.test(title))?.[1] ?? "Operations";
  return { title, seniority, department };
}

/** A richer version of a title, as an enrichment vendor reports it. */
export function enrichTitle(f: Faker, title: string): string {
  return `${title}, ${f.helpers.arrayElement(["North America", "Americas", "Enterprise", "Mid-Market", "Strategic Accounts"])}`;
}

const PHONE_FORMATS = [
  (area: string, exchange: string, line: string) => `+1 ${area} ${exchange} ${line}`,
  (area: string, exchange: string, line: string) => `(${area}) ${exchange}-${line}`,
  (area: string, exchange: string, line: string) => `${area}.${exchange}.${line}`,
];

/** A new number in the 555-01XX range, which is never assigned to anyone. */
export function drawPhone(f: Faker): string {
  const area = String(f.number.int({ min: 201, max: 989 }));
  const line = `01${f.string.numeric(2)}`;
  return f.helpers.arrayElement(PHONE_FORMATS)(area, "555", line);
}

/** The same number written another way: "(570) 410-1335" may come back as "+1 570 410 1335". */
export function reformatPhone(f: Faker, phone: string): string {
  const digits = phone.replace(/\D/g, "").replace(/^1(?=\d{10}$)/, "");
  if (digits.length !== 10) return drawPhone(f);
  const parts = [digits.slice(0, 3), digits.slice(3, 6), digits.slice(6)] as const;
  const others = PHONE_FORMATS.map((format) => format(...parts)).filter((written) => written !== phone);
  return f.helpers.arrayElement(others);
}

const CITIES: Array<[string, string]> = [
  ["Austin", "United States"],
  ["Boston", "United States"],
  ["Chicago", "United States"],
  ["Denver", "United States"],
  ["Seattle", "United States"],
  ["San Francisco", "United States"],
  ["New York", "United States"],
  ["Atlanta", "United States"],
  ["Portland", "United States"],
  ["Minneapolis", "United States"],
  ["Raleigh", "United States"],
  ["Salt Lake City", "United States"],
  ["Nashville", "United States"],
  ["Pittsburgh", "United States"],
  ["San Diego", "United States"],
  ["Philadelphia", "United States"],
  ["Columbus", "United States"],
  ["Phoenix", "United States"],
  ["Toronto", "Canada"],
  ["Vancouver", "Canada"],
  ["Montreal", "Canada"],
];

export function drawCity(f: Faker): { city: string; country: string } {
  const [city, country] = f.helpers.arrayElement(CITIES);
  return { city, country };
}

export function linkedInUrl(f: Faker, first: string, last: string): string {
  return `https://www.linkedin.com/in/${slug(first)}-${slug(last)}-${f.number.int({ min: 10, max: 999 })}`;
}

/** A website as people type it: with or without the scheme, "www." or a trailing slash. */
export function websiteOf(f: Faker, domain: string): string {
  return f.helpers.arrayElement([
    `https://www.${domain}`,
    `www.${domain}`,
    domain,
    `https://${domain}/`,
    `http://www.${domain}`,
  ]);
}

/** An address at a company's domain, in one of the shapes companies use. */
export function workEmail(f: Faker, first: string, last: string, domain: string): string {
  const [a, b] = [slug(first), slug(last)];
  const local = f.helpers.weightedArrayElement([
    { weight: 10, value: `${a}.${b}` },
    { weight: 3, value: a },
    { weight: 4, value: `${a.slice(0, 1)}${b}` },
    { weight: 1, value: `${a}_${b}` },
    { weight: 2, value: `${a}${b.slice(0, 1)}` },
  ]);
  return `${local}@${domain}`;
}

export function drawEmployees(f: Faker): number {
  const [min, max] = f.helpers.weightedArrayElement([
    { weight: 4, value: [5, 50] },
    { weight: 5, value: [51, 200] },
    { weight: 3, value: [201, 1000] },
    { weight: 2, value: [1001, 5000] },
    { weight: 1, value: [5001, 20000] },
  ]);
  return f.number.int({ min: min!, max: max! });
}

export const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "");
