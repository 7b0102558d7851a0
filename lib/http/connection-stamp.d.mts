import type { IncomingMessage } from "node:http";

export declare const CONNECTION_HEADER: "x-factdesk-connection-address";
export declare const CONNECTION_MARK: unique symbol;
export declare function stampConnection(request: IncomingMessage): void;
export declare function markStamping(): void;
export declare function stampingServer(): boolean;
