import { serverProjects } from './server-projects';

describe('serverProjects', () => {
  it('should work', () => {
    expect(serverProjects()).toEqual('server-projects');
  });
});
