'use strict';
module.exports = () => require('crypto').createHash('sha256').update('npm').digest('hex');
