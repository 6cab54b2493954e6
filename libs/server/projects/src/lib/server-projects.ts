export function serverProjects(): string {
  return 'server-projects';
}
