module.exports = require('../../../jest.integration.preset.js')(__dirname, 'server-identity:integration');
