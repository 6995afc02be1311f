/** A minimal JSON client of the running gateway (`/api/v1`), for the tools that drive a real system. */
export interface GatewayApi {
  post<T = Record<string, string>>(path: string, body: unknown, headers?: Record<string, string>): Promise<T>;
  get(path: string, token: string): Promise<{ status: number; body: unknown }>;
  /** Logs in and answers the access token. */
  login(email: string, password: string): Promise<string>;
}

export function gatewayApi(gatewayUrl: string): GatewayApi {
  const api = `${gatewayUrl}/api/v1`;
  const post: GatewayApi['post'] = async (path, body, headers = {}) => {
    const response = await fetch(`${api}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`POST ${path} → ${response.status} ${await response.text()}`);
    return response.json() as never;
  };
  return {
    post,
    async get(path, token) {
      const response = await fetch(`${api}${path}`, { headers: { authorization: `Bearer ${token}` } });
      return { status: response.status, body: await response.json() };
    },
    login: async (email, password) => (await post<{ accessToken: string }>('/auth/login', { email, password })).accessToken,
  };
}
