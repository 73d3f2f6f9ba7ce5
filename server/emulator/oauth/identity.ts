import type { OrgContext } from "../context";
import { json, text, type Req, type Res } from "../http";
import { bearer } from "./oauth";
import { formatDateTime } from "../org/serialize";
import type { TokenStore } from "./tokens";

/** The identity URL from the token response's `id`: `/id/<orgId>/<userId>`. */
export function handleIdentity(org: OrgContext, tokens: TokenStore, baseUrl: string, req: Req): Res {
  const [, , orgId, userId] = req.path.split("/");
  const caller = tokens.validate(bearer(req));
  if (!caller) return text(403, "Bad_OAuth_Token", "text/plain;charset=UTF-8");
  if (orgId !== org.orgId || userId !== caller) return text(403, "Bad_Id", "text/plain;charset=UTF-8");
  const u = org.store.requireTable("User").byId.get(userId) ?? {};
  const urls = (path: string) => `${baseUrl}${path}`;
  return json(200, {
    id: `${baseUrl}/id/${orgId}/${userId}`,
    asserted_user: true,
    user_id: userId,
    organization_id: orgId,
    username: u.Username ?? null,
    nick_name: u.Alias ?? null,
    display_name: u.Name ?? null,
    email: u.Email ?? null,
    email_verified: true,
    first_name: u.FirstName ?? null,
    last_name: u.LastName ?? null,
    timezone: u.TimeZoneSidKey ?? "GMT",
    photos: { picture: urls("/profilephoto/005/F"), thumbnail: urls("/profilephoto/005/T") },
    addr_street: null,
    addr_city: null,
    addr_state: null,
    addr_country: null,
    addr_zip: null,
    mobile_phone: null,
    mobile_phone_verified: false,
    is_lightning_login_user: false,
    status: { created_date: null, body: null },
    urls: {
      enterprise: urls(`/services/Soap/c/{version}/${orgId.slice(0, 15)}`),
      metadata: urls(`/services/Soap/m/{version}/${orgId.slice(0, 15)}`),
      partner: urls(`/services/Soap/u/{version}/${orgId.slice(0, 15)}`),
      rest: urls("/services/data/v{version}/"),
      sobjects: urls("/services/data/v{version}/sobjects/"),
      search: urls("/services/data/v{version}/search/"),
      query: urls("/services/data/v{version}/query/"),
      recent: urls("/services/data/v{version}/recent/"),
      profile: urls(`/${userId}`),
      custom_domain: baseUrl,
    },
    active: u.IsActive !== false,
    user_type: "STANDARD",
    language: "en_US",
    locale: "en_US",
    utcOffset: 0,
    last_modified_date: typeof u.LastModifiedDate === "number" ? formatDateTime(u.LastModifiedDate) : null,
    is_app_installed: true,
  });
}
