module.exports = require('../../jest.integration.preset.js')(__dirname, 'api:integration');
