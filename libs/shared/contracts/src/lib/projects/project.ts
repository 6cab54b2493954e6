export interface FrameworkResponse {
  id: number;
  name: string;
  description: string;
}

export interface ProjectResponse {
  id: number;
  organization_id: number;
  name: string;
  description: string | null;
  /** Ids of the frameworks this project is assessed against. */
  frameworks: number[];
  created_at: string;
  updated_at: string;
}

export interface CreateProjectRequest {
  name: string;
  /** `null` clears it. */
  description?: string | null;
  frameworks?: number[];
}

export type UpdateProjectRequest = Partial<CreateProjectRequest>;
