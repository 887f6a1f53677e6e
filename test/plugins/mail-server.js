// A web-test-runner plugin: browser tests start a real SMTP server on 127.0.0.1 (smtp-server)
// with executeServerCommand('mail-start'), read what it received, parsed by mailparser, with
// 'mail-received', and stop it with 'mail-stop'.
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export function mailServerPlugin() {
  let server = null;
  let received = [];

  async function start() {
    received = [];
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, _session, callback) {
        simpleParser(stream).then((mail) => {
          received.push({ to: mail.to?.text ?? '', subject: mail.subject ?? '', text: mail.text ?? '' });
          callback();
        }, callback);
      },
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `smtp://127.0.0.1:${server.server.address().port}`;
  }

  function stop() {
    server?.close(() => {});
    server = null;
    return true;
  }

  return {
    name: 'mail-server',
    executeCommand({ command }) {
      if (command === 'mail-start') return start();
      if (command === 'mail-received') return received;
      if (command === 'mail-stop') return stop();
      return undefined;
    },
    serverStop: stop,
  };
}
