import { useCallback, useEffect, useRef, useState } from 'react';
import { answerProblems, type AnswerProblem, type SubmitResponseBody } from '../../api/public';
import { ResponseSender, type SendStatus } from './sender';

/**
 * Sends one response's answers while the member answers (see ResponseSender)
 * and keeps what the page shows of it: the sending status, whether the server
 * holds the answers, the questions it refused and any other failure.
 */
export function useAnswerSender(waveKey: string, sessionId: string | undefined) {
  const [status, setStatus] = useState<SendStatus>({ kind: 'idle' });
  const [onServer, setOnServer] = useState(false);
  const [problems, setProblems] = useState<AnswerProblem[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const senderRef = useRef<ResponseSender | null>(null);

  const onStatus = useCallback((next: SendStatus) => {
    setStatus(next);
    if (next.kind === 'saved') {
      setOnServer(true);
      setFailure(null);
    }
    if (next.kind === 'failed') {
      const found = answerProblems(next.error);
      if (found) setProblems(found);
      else setFailure(next.error);
    }
  }, []);

  useEffect(() => {
    if (!sessionId) return;
    const sender = new ResponseSender(waveKey, onStatus);
    senderRef.current = sender;
    // Phones drop background tabs: save before the page goes out of sight.
    const onHide = () => {
      if (document.visibilityState === 'hidden') sender.flush();
    };
    document.addEventListener('visibilitychange', onHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      sender.dispose();
      senderRef.current = null;
    };
  }, [sessionId, waveKey, onStatus]);

  /** Sends the completed response; false when it was refused (the reasons are shown) or there is no sender. */
  async function complete(body: SubmitResponseBody): Promise<boolean> {
    const sender = senderRef.current;
    if (!sender) return false;
    setProblems([]);
    setFailure(null);
    try {
      await sender.complete(body);
    } catch (error) {
      const found = answerProblems(error);
      if (found) setProblems(found);
      else setFailure(error);
      return false;
    }
    return true;
  }

  return { status, onServer, setOnServer, problems, failure, sender: senderRef, complete };
}
